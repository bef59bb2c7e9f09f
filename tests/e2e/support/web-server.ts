import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { getFreePort } from '../../support/free-port';

const ROOT = path.resolve(__dirname, '../../..');
const SERVER = path.join(ROOT, 'web/server.mjs');

export interface WebServer {
  url: string;
  /** What the server printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/** The production build under web/server.mjs (what `npm run start:web` runs), talking to `apiUrl`. */
export async function startWebServer({ apiUrl, timeoutMs = 30_000 }: { apiUrl: string; timeoutMs?: number }) {
  const port = await getFreePort();
  const child: ChildProcess = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      API_URL: apiUrl,
      TEMPORAL_UI_URL: 'http://localhost:8233',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`web server exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`${url}/login`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`web server did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  } satisfies WebServer;
}

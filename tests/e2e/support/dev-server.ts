import { spawn } from 'node:child_process';
import path from 'node:path';

import { getFreePort } from '../../support/free-port';

const ROOT = path.resolve(__dirname, '../../..');

export interface DevServer {
  url: string;
  /** What the server printed so far (Vite reports dependency re-bundling and reloads here). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `remix vite:dev` as `npm run web:dev` starts it, on a free port, with Vite's dependency cache in `cacheDir`
 * (an empty directory gives a first start on a fresh checkout).
 */
export async function startDevServer({
  apiUrl,
  cacheDir,
  timeoutMs = 60_000,
}: {
  apiUrl: string;
  cacheDir: string;
  timeoutMs?: number;
}): Promise<DevServer> {
  const port = await getFreePort();
  const cli = path.join(ROOT, 'node_modules/@remix-run/dev/dist/cli.js');
  const child = spawn(
    process.execPath,
    [cli, 'vite:dev', '--config', 'web/vite.config.ts', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', NODE_OPTIONS: '', API_URL: apiUrl, VITE_CACHE_DIR: cacheDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`remix vite:dev exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`${url}/login`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { url, output: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`remix vite:dev did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

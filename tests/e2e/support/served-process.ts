import { spawn } from 'node:child_process';
import path from 'node:path';

import { getFreePort } from '../../support/free-port';

export const ROOT = path.resolve(__dirname, '../../..');

export interface ServedProcess {
  url: string;
  /** What the process printed so far, for a failing test's message (and Vite's re-bundling notes). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a Node process serving the web app on a free port (`args(port)`), and resolves once its `/login` page
 * answers; stops it (SIGTERM, then SIGKILL after 5 s) on `stop()` or when it never comes up.
 */
export async function startServedProcess(options: {
  name: string;
  args: (port: number) => string[];
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}): Promise<ServedProcess> {
  const port = await getFreePort();
  const child = spawn(process.execPath, options.args(port), {
    cwd: ROOT,
    // PORT for web/server.mjs; the Vite dev server takes `--port` from `args`.
    env: { ...process.env, NODE_OPTIONS: '', ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`${url}/login`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { url, output: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.name} did not answer on ${url} within ${options.timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

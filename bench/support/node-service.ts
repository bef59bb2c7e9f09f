import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO = path.resolve(__dirname, '../..');

export interface NodeService {
  pid: number;
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript entry point of this repository as a Node process of its own (`node --import tsx`, as the
 * npm start scripts do), stdout and stderr into `logFile`, in `cwd` (a folder without a `.env`, so only `env`
 * configures it), and waits until `readyPath` answers anything over HTTP.
 */
export async function startNodeService(options: {
  entry: string;
  env: Record<string, string>;
  port: number;
  logFile: string;
  cwd: string;
  readyPath: string;
  timeoutMs?: number;
  /** Extra Node flags, e.g. `--cpu-prof` to profile the service while it is under load. */
  nodeArgs?: string[];
}): Promise<NodeService> {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  mkdirSync(options.cwd, { recursive: true });
  const log = openSync(options.logFile, 'a');
  const tsx = pathToFileURL(path.join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', tsx, path.join(REPO, options.entry)],
    {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', TSX_TSCONFIG_PATH: path.join(REPO, 'tsconfig.json'), ...options.env },
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${options.entry} exited with ${child.exitCode} while starting; see ${options.logFile}`);
    }
    if (await answers(`${url}${options.readyPath}`)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.entry} did not answer within the time limit; see ${options.logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { pid: child.pid!, url, logFile: options.logFile, stop: () => stopChild(child, exited) };
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(true);
    });
    request.setTimeout(2_000, () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

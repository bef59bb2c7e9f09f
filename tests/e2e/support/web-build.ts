import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const WEB = path.join(ROOT, 'web');
const SERVER_BUILD = path.join(WEB, 'build/server/index.js');
const SOURCES = [
  path.join(WEB, 'app'),
  path.join(WEB, 'public'),
  path.join(WEB, 'vite.config.ts'),
  path.join(WEB, 'react-router.config.ts'),
  path.join(WEB, 'tailwind.config.ts'),
];
const LOCK = path.join(os.tmpdir(), 'voiceplane-web-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs);
}

const isFresh = () => {
  const built = fs.statSync(SERVER_BUILD, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return built > 0 && SOURCES.every((source) => newestMtime(source) < built);
};

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const cli = path.join(ROOT, 'node_modules/@react-router/dev/bin.js');
    const child = spawn(process.execPath, [cli, 'build', '--config', 'web/vite.config.ts'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`react-router build failed (exit ${code}):\n${output}`)),
    );
  });
}

/**
 * Builds the web app for production unless web/build is newer than every source file. Suites run in parallel
 * workers, so one builds under a lock directory while the others wait for it.
 */
export async function ensureWebBuild(): Promise<void> {
  for (;;) {
    if (isFresh()) return;
    try {
      fs.mkdirSync(LOCK);
    } catch {
      const since = fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (!isFresh()) await build();
      return;
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

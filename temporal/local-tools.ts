import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Binaries the project obtains for itself (the Temporal CLI, stripe-mock): where they are cached and how they are
// found or built.

/** A user-level cache folder for one tool release, so every clone on the machine (CI's included) reuses it. */
export function toolCacheDir(tool: string): string {
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'voiceplane', tool);
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return null;
}

/** `go install goPackage` with its binary landing at `target`; false (logged) when Go is missing or the build fails. */
export async function goInstall(goPackage: string, target: string, log: (line: string) => void): Promise<boolean> {
  const go = onPath('go');
  if (!go) return false;
  log(`building with: go install ${goPackage} (takes a few minutes once)`);
  try {
    await run(go, ['install', goPackage], {
      env: { ...process.env, GOBIN: path.dirname(target), CGO_ENABLED: '0' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return isExecutable(target);
  } catch (error) {
    log(`go install failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
    return false;
  }
}

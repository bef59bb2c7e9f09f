import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';
import { assertPostgresUserCanReach, firstDirectoryBlockingPostgres } from './postgres-user-access';

describe('embedded PostgreSQL in a folder its user cannot reach', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'vp-pg-access-'));
  const closed = path.join(base, 'private-home');
  mkdirSync(path.join(closed, 'clone'), { recursive: true });
  chmodSync(base, 0o755);
  chmodSync(closed, 0o700);
  const open = path.join(base, 'shared');
  mkdirSync(open, { mode: 0o755 });

  it('names the first directory on the way that others may not enter', () => {
    expect(firstDirectoryBlockingPostgres(path.join(closed, 'clone', '.data', 'postgres'))).toBe(closed);
    expect(firstDirectoryBlockingPostgres(path.join(open, '.data', 'postgres'))).toBeNull();
  });

  it('stops before initdb with a message that says what to do', async () => {
    const expected = new RegExp(`cannot enter ${closed}[\\s\\S]*chmod o\\+x[\\s\\S]*DATABASE_URL`);
    expect(() => assertPostgresUserCanReach(path.join(closed, 'clone', '.data', 'postgres'))).toThrow(expected);
    // As root (CI, these machines) the cluster start runs the check before anything else.
    if (userInfo().uid === 0) {
      await expect(
        startEmbeddedPostgres({ dataDir: path.join(closed, 'clone', '.data', 'postgres'), port: 1 }),
      ).rejects.toThrow(expected);
    }
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { portConflicts } from '../scripts/port-check';
import { getFreePort } from './support/free-port';

describe('npm run dev with a port already taken', () => {
  let holder: net.Server;
  let taken: number;
  beforeAll(async () => {
    holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen({ port: 0, host: '127.0.0.1' }, resolve));
    taken = (holder.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => holder.close(resolve)));

  it('names the port, the variable that moves it, and the process that holds it', async () => {
    const free = await getFreePort();
    const conflicts = await portConflicts([
      { port: taken, variable: 'API_PORT', service: 'the API' },
      { port: free, variable: 'WEB_PORT', service: 'the web app' },
    ]);
    expect(conflicts).toHaveLength(1);
    // ss reports the process (or its main thread) by name, with this test's pid.
    expect(conflicts[0]).toMatch(
      new RegExp(
        `^port ${taken} for the API is in use by \\S+ \\(pid ${process.pid}\\): stop it, or set API_PORT in \\.env$`,
      ),
    );
  });

  it('stops before starting anything, saying so instead of "dev failed: undefined"', async () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
      cwd: path.resolve(__dirname, '..'),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'vp-dev-ports-')),
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        TEMPORAL_EMBEDDED: 'never',
        SIM_URL: 'http://127.0.0.1:1',
        API_PORT: String(taken),
        WEB_PORT: String(await getFreePort()),
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`port ${taken} for the API is in use`);
    expect(result.stderr).toContain('set API_PORT in .env');
    expect(result.stderr).not.toContain('undefined');
  });
});

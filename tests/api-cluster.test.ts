import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { eventually } from './support/eventually';
import { getFreePort } from './support/free-port';
import { testDatabaseUrl, testTemporalAddress } from './support/harness';

const ROOT = path.resolve(__dirname, '..');

/** `api/server.ts` as a process of its own with API_WORKERS, collecting what it prints. */
async function startApi(env: Record<string, string>) {
  const port = await getFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: ROOT,
    // A group of its own, so a failed test can kill the workers with their primary.
    detached: true,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      APP_ENV: 'test',
      LOG_LEVEL: 'info',
      SECRET_KEY: 'api-cluster-test-secret-key-of-enough-length',
      TEMPORAL_ADDRESS: testTemporalAddress(),
      DATABASE_URL: testDatabaseUrl(),
      API_PORT: String(port),
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** The API workers among the live child processes of `pid` (Linux /proc; tsx's esbuild service is another). */
function workersOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent === pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('api/server.ts');
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The liveness answer's status on a connection of its own (0 when none answers). */
const live = (url: string) =>
  new Promise<number>((resolve) => {
    http
      .get(`${url}/api/health/live`, { agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
      .on('error', () => resolve(0));
  });

let running: ChildProcess | undefined;
afterEach(() => {
  // The whole group: workers outlive a primary that died.
  if (running && existsProcess(-running.pid!)) process.kill(-running.pid!, 'SIGKILL');
  running = undefined;
});

describe('the API with API_WORKERS', () => {
  it('serves from that many processes, replaces one that dies and stops them all on SIGTERM', async () => {
    const api = await startApi({ API_WORKERS: '2' });
    running = api.child;
    const primary = api.child.pid!;
    const listening = (pid: number) => new RegExp(`"pid":${pid},[^\\n]*Server listening`).test(api.output());
    const workers = await eventually(
      () => workersOf(primary),
      (pids) => pids.length === 2 && pids.every(listening),
      { timeoutMs: 60_000, what: 'two listening workers' },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}; the API printed:\n${api.output()}`);
    });
    expect(await live(api.url)).toBe(200);

    process.kill(workers[0]!, 'SIGKILL');
    const replaced = await eventually(
      () => workersOf(primary),
      (pids) => pids.length === 2 && !pids.includes(workers[0]!),
      { timeoutMs: 60_000, what: 'a replacement worker' },
    );
    expect(replaced).toContain(workers[1]);
    const replacement = replaced.find((pid) => pid !== workers[1])!;
    await eventually(() => listening(replacement), Boolean, { timeoutMs: 60_000, what: 'the replacement to listen' });
    // Written to the same pipe before the replacement was forked, so it is there by now.
    expect(api.output()).toContain(`API worker ${workers[0]} exited (SIGKILL); starting a replacement`);
    const answers = await Promise.all(Array.from({ length: 20 }, () => live(api.url)));
    expect(answers.every((status) => status === 200)).toBe(true);

    api.child.kill('SIGTERM');
    const code = await api.exited;
    if (code !== 0) throw new Error(`exit ${code}: ${api.output().slice(-3000)}`);
    expect(replaced.filter(existsProcess)).toEqual([]);
  }, 240_000);

  it('stops with an error when its workers cannot start, instead of restarting them forever', async () => {
    const closedPort = await getFreePort();
    const api = await startApi({
      API_WORKERS: '2',
      DATABASE_URL: `postgres://nobody:nothing@127.0.0.1:${closedPort}/none`,
    });
    running = api.child;
    expect(await api.exited).toBe(1);
    expect(api.output()).toMatch(/API worker \d+ exited \(code 1\) before it was listening/);
  }, 120_000);
});

function existsProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embedded-postgres';
import { createOrm, migrateToLatest, type Orm } from '../../db/orm';
import { findOrObtainTemporalCli } from '../../temporal/cli';
import { startTemporalDevServer, type DevServer } from '../../temporal/dev-server';
import { getFreePort } from '../../tests/support/free-port';
import { processesWithArgs, runInBackground } from './background-priority';

/**
 * The servers of the chaos bench, each restartable in place: the embedded PostgreSQL (stopped and started again on
 * the same data directory and port) and a Temporal dev server keeping its state in a SQLite file (stopped and
 * started again on the same file and port), so a restart loses nothing a real server would keep.
 */
export async function startChaosStack(dataDir: string) {
  // A fresh cluster every run: an earlier run's calls and invoices would count.
  rmSync(dataDir, { recursive: true, force: true });
  const postgresDir = path.join(dataDir, 'postgres');
  const postgresPort = await getFreePort();
  let db: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: postgresDir, port: postgresPort });
  const orm: Orm = await createOrm(db.url, { poolMax: 20 });
  await migrateToLatest(orm);

  const cliPath = await findOrObtainTemporalCli();
  const temporalOptions = {
    cliPath,
    dataDir: path.join(dataDir, 'temporal'),
    port: await getFreePort(),
    uiPort: await getFreePort(),
    namespace: 'default',
  };
  let temporal: DevServer = await startTemporalDevServer(temporalOptions);
  const temporalPids = () => processesWithArgs('start-dev', '--port', String(temporalOptions.port));
  const background = () => temporalPids().forEach(runInBackground);
  background();

  return {
    orm,
    databaseUrl: db.url,
    temporalAddress: temporal.address,
    taskQueue: `chaos-${randomUUID()}`,
    /** Stops PostgreSQL (fast shutdown: sessions are cut) and starts it again; resolves with the downtime. */
    async restartPostgres(): Promise<number> {
      const started = Date.now();
      await db.stop();
      db = await startEmbeddedPostgres({ dataDir: postgresDir, port: postgresPort });
      return Date.now() - started;
    },
    /** Stops the Temporal dev server (SIGTERM) and starts it again on its file and port; resolves with the downtime. */
    async restartTemporal(): Promise<number> {
      const started = Date.now();
      await temporal.stop();
      temporal = await startTemporalDevServer(temporalOptions);
      background();
      return Date.now() - started;
    },
    async stop() {
      await orm.close();
      await temporal.stop();
      await db.stop();
    },
  };
}

export type ChaosStack = Awaited<ReturnType<typeof startChaosStack>>;

const READY_TIMEOUT_MS = 60_000;

/**
 * The worker (with the inbox relay) in a process of its own, at background priority as in `bench:calls`, that
 * the bench SIGKILLs and replaces. A start that fails (a server restarting) is tried again until `giveUpMs`; a
 * process that dies on its own is counted as a crash and replaced too.
 */
export function chaosWorker(args: {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  simulatorUrl: string;
  timing: { counterGraceMs: number; finalizeAfterMs: number };
  giveUpMs: number;
}) {
  const counts = { kills: 0, crashes: 0, failedStarts: 0, relayErrors: 0, relayed: 0 };
  let child: ChildProcess | null = null;
  let stopping = false;

  function spawnOnce(): Promise<ChildProcess> {
    const started = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(__dirname, 'chaos-worker-entry.ts'),
        args.databaseUrl,
        args.temporalAddress,
        args.taskQueue,
        args.simulatorUrl,
        JSON.stringify(args.timing),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
    );
    let output = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        started.kill('SIGKILL');
        reject(new Error(`worker did not start: ${output.slice(-500)}`));
      }, READY_TIMEOUT_MS);
      started.stdout!.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        for (const match of text.matchAll(/relay-errors (\d+) relayed (\d+)/g)) {
          counts.relayErrors += Number(match[1]);
          counts.relayed += Number(match[2]);
        }
        if (output.includes('worker-ready')) return;
        output += text;
        if (output.includes('worker-ready')) {
          clearTimeout(timer);
          resolve(started);
        }
      });
      started.stderr!.on('data', (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-4_000);
      });
      started.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`worker exited (${code ?? signal}) before it was ready: ${output.slice(-500)}`));
      });
    });
  }

  async function start(): Promise<void> {
    const deadline = Date.now() + args.giveUpMs;
    for (;;) {
      try {
        const running = await spawnOnce();
        running.removeAllListeners('exit');
        running.once('exit', () => {
          if (child !== running || stopping) return;
          // Died without being killed: count it and bring up another, as a process manager would.
          counts.crashes += 1;
          child = null;
          void start().catch(() => undefined);
        });
        runInBackground(running.pid!);
        child = running;
        return;
      } catch (error) {
        counts.failedStarts += 1;
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  async function killCurrent(): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  }

  return {
    counts,
    start,
    /** SIGKILL (no shutdown, as a crash) and a new process in its place; resolves with the time until it polls. */
    async killAndReplace(): Promise<number> {
      await killCurrent();
      counts.kills += 1;
      const killed = Date.now();
      await start();
      return Date.now() - killed;
    },
    async stop(): Promise<void> {
      stopping = true;
      await killCurrent();
    },
  };
}

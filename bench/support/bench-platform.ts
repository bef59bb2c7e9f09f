import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { Tenant, User } from '../../db/entities';
import { inScope } from '../../db/scope';
import { seed } from '../../domain/seed';
import type { Actor } from '../../domain/auth/actor';
import { startSimulator, type RunningSimulator } from '../../sim/start-simulator';
import type { TemporalTarget } from '../../temporal/client';
import { createWorker } from '../../temporal/worker';
import { activityDeps } from '../../tests/support/harness';
import { kill } from '../../tests/support/entry-process';
import { startSimulatorProcess } from '../../tests/support/simulator-process';
import { startWorkerProcess } from '../../tests/support/worker-process';
import { processesWithArgs, runInBackground } from './background-priority';
import { startBenchStack } from './bench-stack';

export const ADMIN_EMAIL = 'bench-admin@voiceplane.local';

/**
 * The platform a benchmark drives: database, Temporal, the provider simulator and a worker, a platform admin to
 * act as, and a fresh active tenant to put the load on. The worker runs in this process, or with `relay` in a
 * process of its own that also relays the webhook inbox, as in production (`temporal/worker-main.ts`); then it
 * and the Temporal server run at background priority, standing in for machines of their own, unless
 * `background` is false (a bench with no API to protect).
 */
export async function startBenchPlatform(
  tenantName: string,
  options: {
    relay?: { counterGraceMs: number; settleMs?: number };
    background?: boolean;
    dataDir?: string;
    /** The simulator (and so the load it generates) in a process of its own; its state is then read over HTTP. */
    simulatorProcess?: boolean;
  } = {},
) {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const stack = await startBenchStack({ dataDir: options.dataDir });
  const simulatorOptions = { appSetupDelayMs: 300, numberExchange: String(100_000 + (Date.now() % 900_000)) };
  const simulatorProcess = options.simulatorProcess ? await startSimulatorProcess(simulatorOptions) : null;
  const sim = simulatorProcess
    ? remoteSimulator(simulatorProcess)
    : await startSimulator({ port: 0, ...simulatorOptions });
  const { connection, client, target } = await seedAndConnect(stack);
  const worker = options.relay
    ? await startWorkerInOwnProcess(stack, sim.url, options.relay)
    : await startWorkerHere(stack, sim.url);
  const temporalPids = processesWithArgs('start-dev', '--port', stack.temporalAddress.split(':')[1]!);
  if (options.relay && options.background !== false) {
    for (const pid of [worker.pid!, ...temporalPids]) runInBackground(pid);
  }
  const { tenantId, actor } = await inScope(stack.orm, { system: 'bench' }, async (em) => {
    const tenant = em.create(Tenant, {
      name: tenantName,
      slug: `bench-${Date.now()}`,
      status: 'active',
      contactEmail: 'bench@example.test',
      verifiedAt: new Date(),
    });
    await em.flush();
    const admin = await em.findOneOrFail(User, { email: ADMIN_EMAIL });
    return { tenantId: tenant.id, actor: { userId: admin.id, role: 'platform_admin', tenantId: null } satisfies Actor };
  });
  return {
    orm: stack.orm,
    temporalAddress: stack.temporalAddress,
    sim,
    client,
    target,
    tenantId,
    actor,
    /** Process ids (null: in this process) of the worker and simulator, the Temporal server's, PostgreSQL's data. */
    processes: {
      worker: worker.pid,
      simulator: simulatorProcess?.pid ?? null,
      temporal: temporalPids,
      postgresDataDir: stack.postgresDataDir,
    },
    async stop() {
      await worker.stop();
      await connection.close();
      await sim.stop();
      await stack.stop();
    },
  };
}

type Stack = Awaited<ReturnType<typeof startBenchStack>>;

async function startWorkerHere(stack: Stack, simulatorUrl: string) {
  const worker = await createWorker({
    connection: await NativeConnection.connect({ address: stack.temporalAddress }),
    namespace: 'default',
    taskQueue: stack.taskQueue,
    deps: activityDeps(stack.orm, { send: async () => 'logged' }, simulatorUrl),
  });
  const running = worker.run();
  return {
    pid: null,
    async stop() {
      worker.shutdown();
      await running;
    },
  };
}

async function startWorkerInOwnProcess(
  stack: Stack,
  simulatorUrl: string,
  relay: { counterGraceMs: number; settleMs?: number },
) {
  const child = await startWorkerProcess({
    databaseUrl: stack.databaseUrl,
    temporalAddress: stack.temporalAddress,
    taskQueue: stack.taskQueue,
    simulatorUrl,
    relay,
  });
  return { pid: child.pid!, stop: () => kill(child) };
}

/** A simulator in another process, shaped like one in this process; its state is only reachable over HTTP. */
function remoteSimulator(process: Awaited<ReturnType<typeof startSimulatorProcess>>): RunningSimulator {
  return {
    url: process.url,
    get state(): never {
      throw new Error('The simulator runs in its own process: read its state through sim/sim-control.ts');
    },
    get app(): never {
      throw new Error('The simulator runs in its own process');
    },
    stop: async () => {
      await process.stop();
      return undefined;
    },
  };
}

/** Seeds the plans and the bench admin, and connects a Temporal client to the stack's server and task queue. */
export async function seedAndConnect(stack: {
  orm: Parameters<typeof seed>[0];
  temporalAddress: string;
  taskQueue: string;
}) {
  await seed(stack.orm, { adminEmail: ADMIN_EMAIL, adminPassword: 'Bench-Admin-Pass-123!', demo: null });
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection });
  const target: TemporalTarget = {
    address: stack.temporalAddress,
    namespace: 'default',
    taskQueue: stack.taskQueue,
    uiUrl: 'http://localhost:8233',
  };
  return { connection, client, target };
}

import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { Tenant, User } from '../../db/entities';
import { inScope } from '../../db/scope';
import { seed } from '../../domain/seed';
import type { Actor } from '../../domain/auth/actor';
import { startSimulator } from '../../sim/start-simulator';
import type { TemporalTarget } from '../../temporal/client';
import { createWorker } from '../../temporal/worker';
import { activityDeps } from '../../tests/support/harness';
import { startBenchStack } from './bench-stack';

const ADMIN_EMAIL = 'bench-admin@voiceplane.local';

/**
 * The platform a benchmark drives: database, Temporal, the provider simulator and a worker in this process,
 * a platform admin to act as, and a fresh active tenant to put the load on.
 */
export async function startBenchPlatform(tenantName: string) {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const stack = await startBenchStack();
  const sim = await startSimulator({
    port: 0,
    appSetupDelayMs: 300,
    numberExchange: String(100_000 + (Date.now() % 900_000)),
  });
  await seed(stack.orm, { adminEmail: ADMIN_EMAIL, adminPassword: 'Bench-Admin-Pass-123!', demo: null });
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection });
  const target: TemporalTarget = {
    address: stack.temporalAddress,
    namespace: 'default',
    taskQueue: stack.taskQueue,
    uiUrl: 'http://localhost:8233',
  };
  const worker = await createWorker({
    connection: await NativeConnection.connect({ address: stack.temporalAddress }),
    namespace: 'default',
    taskQueue: stack.taskQueue,
    deps: activityDeps(stack.orm, { send: async () => 'logged' }, sim.url),
  });
  const running = worker.run();
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
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await sim.stop();
      await stack.stop();
    },
  };
}

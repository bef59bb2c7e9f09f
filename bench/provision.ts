import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { Bot, ProvisioningJob, Tenant, User } from '../db/entities';
import { inScope } from '../db/scope';
import { seed } from '../db/seed';
import { createBot } from '../domain/bots/create-bot';
import { startSimulator } from '../sim/start-simulator';
import { createProvisioningWorkflows } from '../temporal/provisioning-workflows';
import { createWorker } from '../temporal/worker';
import { activityDeps } from '../tests/support/harness';
import { percentile, startBenchStack } from './support/bench-stack';

const BOTS = Number(process.env.BENCH_BOTS ?? 100);

/** `npm run bench:provision`: N bots provisioned concurrently against the simulator; prints throughput and latency. */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const stack = await startBenchStack();
  const sim = await startSimulator({ port: 0, appSetupDelayMs: 300 });
  await seed(stack.orm, {
    adminEmail: 'bench-admin@voiceplane.local',
    adminPassword: 'Bench-Admin-Pass-123!',
    demo: null,
  });
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection });
  const target = {
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

  const tenant = await inScope(stack.orm, { system: 'bench' }, async (em) => {
    const created = em.create(Tenant, {
      name: 'Bench',
      slug: `bench-${Date.now()}`,
      status: 'active',
      contactEmail: 'bench@example.test',
      verifiedAt: new Date(),
    });
    await em.flush();
    return created;
  });
  const deps = { orm: stack.orm, provisioning: createProvisioningWorkflows(client, target) };
  const admin = await inScope(stack.orm, { system: 'bench' }, (em) =>
    em.findOneOrFail(User, { email: 'bench-admin@voiceplane.local' }),
  );
  const actor = { userId: admin.id, role: 'platform_admin' as const, tenantId: null };

  console.log(`provisioning ${BOTS} bots concurrently against the simulator…`);
  const started = Date.now();
  const created = await Promise.all(
    Array.from({ length: BOTS }, (_, n) =>
      createBot(deps, {
        actor,
        input: { tenantId: tenant.id, name: `Bench bot ${n}`, locale: 'de-AT', voice: 'v', greeting: 'Hallo' },
      }).then(({ bot }) => ({ botId: bot.id, at: Date.now() })),
    ),
  );
  const readyAt = new Map<string, number>();
  while (readyAt.size < BOTS && Date.now() - started < 10 * 60_000) {
    const jobs = await inScope(stack.orm, { system: 'bench' }, (em) =>
      em.find(
        ProvisioningJob,
        { tenantId: tenant.id, status: { $in: ['done', 'error'] } },
        { fields: ['botId', 'status', 'finishedAt'] },
      ),
    );
    for (const job of jobs)
      if (!readyAt.has(job.botId)) readyAt.set(job.botId, job.finishedAt?.getTime() ?? Date.now());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const elapsedS = (Date.now() - started) / 1000;
  const ready = await inScope(stack.orm, { system: 'bench' }, (em) =>
    em.count(Bot, { tenantId: tenant.id, status: 'ready' }),
  );
  const latencies = created.map(({ botId, at }) => (readyAt.get(botId) ?? Number.NaN) - at).sort((a, b) => a - b);
  const state = sim.state;

  console.log(`bots ready:          ${ready}/${BOTS}`);
  console.log(`throughput:          ${(ready / elapsedS).toFixed(2)} bots/s (${elapsedS.toFixed(1)} s total)`);
  console.log(`time-to-ready p50:   ${percentile(latencies, 50)} ms`);
  console.log(`time-to-ready p95:   ${percentile(latencies, 95)} ms`);
  console.log(`simulator holds:     ${state.heroku.apps.size} apps, ${state.twilio.numbers.size} numbers`);

  worker.shutdown();
  await running;
  await connection.close();
  await sim.stop();
  await stack.stop();
  if (ready !== BOTS) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

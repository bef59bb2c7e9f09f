import { Bot, ProvisioningJob } from '../db/entities';
import { inScope } from '../db/scope';
import { createBot } from '../domain/bots/create-bot';
import { createProvisioningClient } from '../temporal/provisioning-client';
import { startBenchPlatform } from './support/bench-platform';
import { percentile } from './support/bench-stack';

const BOTS = Number(process.env.BENCH_BOTS ?? 100);

/** `npm run bench:provision`: N bots provisioned concurrently against the simulator; prints throughput and latency. */
async function main(): Promise<void> {
  const platform = await startBenchPlatform('Bench provisioning');
  const { orm, tenantId, actor } = platform;
  const deps = { orm, provisioning: createProvisioningClient(platform.client, platform.target) };

  console.log(`provisioning ${BOTS} bots concurrently against the simulator…`);
  const started = Date.now();
  const created = await Promise.all(
    Array.from({ length: BOTS }, (_, n) =>
      createBot(deps, {
        actor,
        input: { tenantId, name: `Bench bot ${n}`, locale: 'de-AT', voice: 'v', greeting: 'Hallo' },
      }).then(({ bot }) => ({ botId: bot.id, at: Date.now() })),
    ),
  );
  const finishedAt = new Map<string, number>();
  while (finishedAt.size < BOTS && Date.now() - started < 10 * 60_000) {
    const jobs = await inScope(orm, { system: 'bench' }, (em) =>
      em.find(ProvisioningJob, { tenantId, status: { $in: ['done', 'error'] } }, { fields: ['botId', 'finishedAt'] }),
    );
    for (const job of jobs)
      if (!finishedAt.has(job.botId)) finishedAt.set(job.botId, job.finishedAt?.getTime() ?? Date.now());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const elapsedS = (Date.now() - started) / 1000;
  const ready = await inScope(orm, { system: 'bench' }, (em) => em.count(Bot, { tenantId, status: 'ready' }));
  const latencies = created.map(({ botId, at }) => (finishedAt.get(botId) ?? Number.NaN) - at).sort((a, b) => a - b);

  console.log(`bots ready:          ${ready}/${BOTS}`);
  console.log(`throughput:          ${(ready / elapsedS).toFixed(2)} bots/s (${elapsedS.toFixed(1)} s total)`);
  console.log(`time-to-ready p50:   ${percentile(latencies, 50)} ms`);
  console.log(`time-to-ready p95:   ${percentile(latencies, 95)} ms`);
  console.log(
    `simulator holds:     ${platform.sim.state.heroku.apps.size} apps, ${platform.sim.state.twilio.numbers.size} numbers`,
  );
  await platform.stop();
  if (ready !== BOTS) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

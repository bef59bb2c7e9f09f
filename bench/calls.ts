import { buildApp } from '../api/app';
import { SIMULATOR_AUTH_TOKEN } from '../config/simulator-credentials';
import { Bot, CallLog, UsageEvent } from '../db/entities';
import { inScope } from '../db/scope';
import { keyFromSecret } from '../domain/auth/tokens';
import { createBot } from '../domain/bots/create-bot';
import { billableMinutes } from '../domain/usage/billable-minutes';
import { botSigningSecret } from '../domain/usage/bot-signature';
import { mediaStreamKey } from '../domain/telephony/media-stream-token';
import { simControl } from '../sim/sim-control';
import { createCallClient } from '../temporal/call-client';
import { createTemporalHealth } from '../temporal/health';
import { createOnboardingClient } from '../temporal/onboarding-client';
import { createProvisioningClient } from '../temporal/provisioning-client';
import { TEST_WEBHOOK_BASE } from '../tests/support/harness';
import { startBenchPlatform } from './support/bench-platform';
import { percentile } from './support/bench-stack';
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const BOTS = 4;

/**
 * `npm run bench:calls`: N concurrent simulated calls through real HTTP webhooks into the running stack (API,
 * Temporal, worker, Postgres); prints webhook ack latency, end-to-end throughput and a correctness line.
 */
async function main(): Promise<void> {
  const platform = await startBenchPlatform('Bench calls');
  const { orm, client, target, tenantId, actor } = platform;
  const provisioning = createProvisioningClient(client, target);
  const app = await buildApp({
    orm,
    auth: { tokenKey: keyFromSecret('bench'), accessTtlMinutes: 30, refreshTtlDays: 14 },
    onboarding: createOnboardingClient(client, target, 60_000),
    provisioning,
    calls: createCallClient(client, target, { counterGraceMs: 500 }),
    telephony: {
      authToken: SIMULATOR_AUTH_TOKEN,
      webhookBase: TEST_WEBHOOK_BASE,
      mediaStreamKey: mediaStreamKey('bench'),
    },
    botSecret: (botId) => botSigningSecret('bench', botId),
    health: createTemporalHealth(client, 'default', target.taskQueue),
    secureCookies: false,
    loginRateLimitPerMinute: 100,
    loginFreeFailures: 5,
    trustProxy: 'loopback',
    publicBaseUrl: TEST_WEBHOOK_BASE,
  });
  const apiUrl = await app.listen({ port: 0, host: '127.0.0.1' });

  await Promise.all(
    Array.from({ length: BOTS }, (_, n) =>
      createBot(
        { orm, provisioning },
        { actor, input: { tenantId, name: `Calls ${n}`, locale: 'de-AT', voice: 'v', greeting: 'Hallo' } },
      ),
    ),
  );
  let numbers: string[] = [];
  while (numbers.length < BOTS) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    numbers = (await inScope(orm, { system: 'bench' }, (em) => em.find(Bot, { tenantId, status: 'ready' }))).map(
      (bot) => bot.twilioNumber!,
    );
  }

  console.log(`placing ${CALLS} concurrent calls to ${numbers.length} bots through signed webhooks…`);
  const control = simControl(platform.sim.url);
  const durations = Array.from({ length: CALLS }, (_, n) => (n * 37) % 600);
  const started = Date.now();
  const placed = await Promise.all(
    durations.map((durationSeconds, n) =>
      control.placeCall({ to: numbers[n % numbers.length]!, deliverTo: apiUrl, durationSeconds }),
    ),
  );
  const deliveries = placed.flatMap((call) => call.deliveries);
  const acks = deliveries.map((delivery) => delivery.ms).sort((a, b) => a - b);
  const failedAcks = deliveries.filter((d) => d.httpStatus >= 300 || d.httpStatus === 0).length;

  let finished = 0;
  while (finished < CALLS && Date.now() - started < 5 * 60_000) {
    finished = await inScope(orm, { system: 'bench' }, (em) => em.count(CallLog, { tenantId, endedAt: { $ne: null } }));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const elapsedS = (Date.now() - started) / 1000;
  const recorded = await inScope(orm, { system: 'bench' }, async (em) => {
    const events = await em.find(UsageEvent, { tenantId, source: 'twilio' }, { fields: ['kind', 'quantity'] });
    return {
      calls: events.filter((e) => e.kind === 'call_started').length,
      minutes: events.filter((e) => e.kind === 'minutes').reduce((sum, e) => sum + Number(e.quantity), 0),
    };
  });
  const expected = { calls: CALLS, minutes: durations.reduce((sum, d) => sum + billableMinutes(d), 0) };

  console.log(`webhooks acked:      ${acks.length} (${failedAcks} not 2xx)`);
  console.log(`webhook ack p50:     ${percentile(acks, 50).toFixed(1)} ms`);
  console.log(`webhook ack p99:     ${percentile(acks, 99).toFixed(1)} ms`);
  console.log(
    `completed calls:     ${finished}/${CALLS} in ${elapsedS.toFixed(1)} s = ${(finished / elapsedS).toFixed(1)} calls/s end to end`,
  );
  const correct = recorded.calls === expected.calls && recorded.minutes === expected.minutes;
  console.log(
    `correctness:         expected ${expected.calls} calls / ${expected.minutes} min, recorded ${recorded.calls} calls / ${recorded.minutes} min → ${correct ? 'EQUAL' : 'MISMATCH'}`,
  );
  await app.close();
  await platform.stop();
  if (!correct) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

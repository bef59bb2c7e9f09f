import { parseArgs } from 'node:util';
import { Bot, CallLog, UsageEvent } from '../db/entities';
import { inScope } from '../db/scope';
import { createBot } from '../domain/bots/create-bot';
import { billableMinutes } from '../domain/usage/billable-minutes';
import { simControl } from '../sim/sim-control';
import { startBenchApi } from './support/bench-api';
import { startBenchPlatform } from './support/bench-platform';
import { startFloor } from './floor/floor';
import { percentile } from './support/bench-stack';
import { callDuration, closedLoop, openLoop, type LoadTarget } from './support/load';

const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const BOTS = 4;
const COUNTER_GRACE_MS = 500;
const MAX_RATE = 500;
const MAX_SECONDS = 600;

type Mode = { kind: 'burst'; calls: number } | { kind: 'open'; rate: number; seconds: number };

/** `--rate N --seconds S` selects the open loop (bounded); without them, the closed burst of BENCH_CALLS. */
function parseMode(): Mode {
  const { values } = parseArgs({ options: { rate: { type: 'string' }, seconds: { type: 'string' } } });
  if (values.rate === undefined && values.seconds === undefined) {
    if (!Number.isInteger(CALLS) || CALLS < 1) throw new Error(`BENCH_CALLS must be a positive integer`);
    return { kind: 'burst', calls: CALLS };
  }
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  if (values.rate === undefined || values.seconds === undefined)
    throw new Error('open loop needs both --rate N (calls/s) and --seconds S');
  if (!Number.isFinite(rate) || rate <= 0 || rate > MAX_RATE)
    throw new Error(`--rate must be a number in (0, ${MAX_RATE}] calls/s, got ${values.rate}`);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_SECONDS)
    throw new Error(`--seconds must be a whole number in [1, ${MAX_SECONDS}], got ${values.seconds}`);
  return { kind: 'open', rate, seconds };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (platform: number, floor: number) =>
  floor > 0 && Number.isFinite(platform) ? (platform / floor).toFixed(2) : '–';
const row = (label: string, floor: string, platform: string, platformOverFloor = '') =>
  console.log(`${label.padEnd(28)}${floor.padEnd(24)}${platform.padEnd(24)}${platformOverFloor}`);

/**
 * `npm run bench:calls`: simulated calls through real HTTP webhooks into the running stack (API, Temporal,
 * worker, Postgres), side by side with the raw floor (the same call shape straight on the same Temporal server,
 * no HTTP, no database, no-op activities). Default: a burst of BENCH_CALLS concurrent calls; with
 * `-- --rate N --seconds S`: a fixed arrival rate for a fixed time. Prints ack latency, throughput, backlog and a
 * correctness line.
 */
async function main(mode: Mode): Promise<void> {
  // Worker and inbox relay in a process of their own, as in production.
  // The simulated Twilio (the load generator) in a process of its own too: this process is the API alone.
  const platform = await startBenchPlatform('Bench calls', {
    relay: { counterGraceMs: COUNTER_GRACE_MS },
    simulatorProcess: true,
  });
  const { orm, client, tenantId, actor } = platform;
  const { app, url: apiUrl, provisioning } = await startBenchApi(platform, { counterGraceMs: COUNTER_GRACE_MS });

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

  const control = simControl(platform.sim.url);
  const platformTarget: LoadTarget = {
    async place(n, durationSeconds) {
      const placed = await control.placeCall({ to: numbers[n % numbers.length]!, deliverTo: apiUrl, durationSeconds });
      return {
        acks: placed.deliveries.map((delivery) => delivery.ms),
        failed: placed.deliveries.filter((d) => d.httpStatus >= 300 || d.httpStatus === 0).length,
      };
    },
    metered: () => inScope(orm, { system: 'bench' }, (em) => em.count(CallLog, { tenantId, endedAt: { $ne: null } })),
  };
  const floor = await startFloor({
    client,
    temporalAddress: platform.temporalAddress,
    counterGraceMs: COUNTER_GRACE_MS,
  });

  // The floor runs first, alone, then stops; then the platform gets the same load on the same server.
  let placedCalls: number;
  if (mode.kind === 'burst') {
    console.log(
      `placing ${mode.calls} concurrent calls: raw floor first, then the platform (${numbers.length} bots, signed webhooks)…`,
    );
    const floorRun = await closedLoop(floor.target, mode.calls);
    await floor.stop();
    const run = await closedLoop(platformTarget, mode.calls);
    placedCalls = mode.calls;
    console.log();
    row('', 'raw floor', 'platform', 'platform/floor');
    row(
      'calls/s end to end',
      floorRun.callsPerS.toFixed(1),
      run.callsPerS.toFixed(1),
      ratio(run.callsPerS, floorRun.callsPerS),
    );
    ackRows(floorRun, run);
    row(
      'completed calls',
      `${floorRun.finished}/${floorRun.calls} in ${floorRun.elapsedS.toFixed(1)} s`,
      `${run.finished}/${run.calls} in ${run.elapsedS.toFixed(1)} s`,
    );
  } else {
    const { rate, seconds } = mode;
    console.log(`open loop: ${rate} calls/s for ${seconds} s, raw floor first, then the platform…`);
    const floorRun = await openLoop(floor.target, rate, seconds);
    await floor.stop();
    const run = await openLoop(platformTarget, rate, seconds);
    placedCalls = run.calls;
    console.log();
    row('', 'raw floor', 'platform', 'platform/floor');
    row(
      'arrivals',
      `${floorRun.calls} (${floorRun.arrivalRate.toFixed(1)}/s)`,
      `${run.calls} (${run.arrivalRate.toFixed(1)}/s)`,
    );
    ackRows(floorRun, run);
    row(
      'metered calls/s in window',
      floorRun.meteredPerS.toFixed(1),
      run.meteredPerS.toFixed(1),
      ratio(run.meteredPerS, floorRun.meteredPerS),
    );
    row(
      'backlog at end of window',
      String(floorRun.backlogEnd),
      String(run.backlogEnd),
      ratio(run.backlogEnd, floorRun.backlogEnd),
    );
    row(
      'backlog peak',
      String(floorRun.backlogPeak),
      String(run.backlogPeak),
      ratio(run.backlogPeak, floorRun.backlogPeak),
    );
    row(
      'drained after window',
      `${floorRun.finished}/${floorRun.calls} in ${floorRun.drainS.toFixed(1)} s`,
      `${run.finished}/${run.calls} in ${run.drainS.toFixed(1)} s`,
    );
  }

  const recorded = await inScope(orm, { system: 'bench' }, async (em) => {
    const events = await em.find(UsageEvent, { tenantId, source: 'twilio' }, { fields: ['kind', 'quantity'] });
    return {
      calls: events.filter((e) => e.kind === 'call_started').length,
      minutes: events.filter((e) => e.kind === 'minutes').reduce((sum, e) => sum + Number(e.quantity), 0),
    };
  });
  const expected = {
    calls: placedCalls,
    minutes: Array.from({ length: placedCalls }, (_, n) => billableMinutes(callDuration(n))).reduce((a, b) => a + b, 0),
  };
  const floorRecorded = floor.recorded();
  const floorCorrect = floorRecorded.calls === expected.calls && floorRecorded.minutes === expected.minutes;
  const correct = recorded.calls === expected.calls && recorded.minutes === expected.minutes;
  console.log();
  console.log(
    `floor correctness:   expected ${expected.calls} calls / ${expected.minutes} min, recorded ${floorRecorded.calls} calls / ${floorRecorded.minutes} min → ${floorCorrect ? 'EQUAL' : 'MISMATCH'}`,
  );
  console.log(
    `correctness:         expected ${expected.calls} calls / ${expected.minutes} min, recorded ${recorded.calls} calls / ${recorded.minutes} min → ${correct ? 'EQUAL' : 'MISMATCH'}`,
  );
  await app.close();
  await platform.stop();
  if (!correct || !floorCorrect) process.exit(1);
}

let mode: Mode;
try {
  mode = parseMode();
} catch (error) {
  console.error(`bench:calls: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
main(mode).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/** Acknowledgement latency and counts, floor beside platform: the rows both modes print. */
function ackRows(floor: { acks: number[]; failed: number }, platform: { acks: number[]; failed: number }): void {
  for (const p of [50, 99]) {
    const [atFloor, atPlatform] = [percentile(floor.acks, p), percentile(platform.acks, p)];
    row(`ack p${p} (signal | webhook)`, ms(atFloor), ms(atPlatform), ratio(atPlatform, atFloor));
  }
  row('acks', `${floor.acks.length} (${floor.failed} failed)`, `${platform.acks.length} (${platform.failed} not 2xx)`);
}

import { parseArgs } from 'node:util';
import { Bot, CallLog, UsageEvent } from '../db/entities';
import { inScope } from '../db/scope';
import { createBot } from '../domain/bots/create-bot';
import { billableMinutes } from '../domain/usage/billable-minutes';
import { simControl } from '../sim/sim-control';
import { startBenchApi } from './support/bench-api';
import { startBenchPlatform } from './support/bench-platform';
import { startFloor } from './floor/floor';
import { describeCoreSplit, splitCores } from './support/core-split';
import { meterParts } from './support/cpu-meter';
import { postgresCpuSeconds, processCpuSeconds, threadCpuSeconds } from './support/process-cpu';
import { percentile } from './support/bench-stack';
import { callDuration, closedLoop, openLoop, type LoadTarget } from './support/load';

const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const BOTS = 4;
const COUNTER_GRACE_MS = 500;
const MAX_RATE = 500;
const MAX_SECONDS = 600;

type Mode = { kind: 'burst'; calls: number } | { kind: 'open'; rate: number; seconds: number };

/**
 * `--rate N --seconds S` selects the open loop (bounded); without them, the closed burst of BENCH_CALLS.
 * `--shared-cores` leaves every process on every core instead of giving Temporal one of its own.
 */
function parseOptions(): { mode: Mode; sharedCores: boolean } {
  const { values } = parseArgs({
    options: { rate: { type: 'string' }, seconds: { type: 'string' }, 'shared-cores': { type: 'boolean' } },
  });
  return { mode: parseMode(values), sharedCores: values['shared-cores'] === true };
}

function parseMode(values: { rate?: string; seconds?: string }): Mode {
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
async function main(mode: Mode, sharedCores: boolean): Promise<void> {
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
  const split = sharedCores ? null : splitCores(platform.processes.temporal);
  console.log(describeCoreSplit(split));
  const floor = await startFloor({
    client,
    temporalAddress: platform.temporalAddress,
    counterGraceMs: COUNTER_GRACE_MS,
  });
  const measure = <T extends { calls: number }>(run: () => Promise<T>) => measureCpu<T>(platform.processes, run);

  // The floor runs first, alone, then stops; then the platform gets the same load on the same server.
  let placedCalls: number;
  if (mode.kind === 'burst') {
    console.log(
      `placing ${mode.calls} concurrent calls: raw floor first, then the platform (${numbers.length} bots, signed webhooks)…`,
    );
    const floorRun = await measure(() => closedLoop(floor.target, mode.calls));
    await floor.stop();
    const run = await measure(() => closedLoop(platformTarget, mode.calls));
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
    cpuRows(floorRun, run);
  } else {
    const { rate, seconds } = mode;
    console.log(`open loop: ${rate} calls/s for ${seconds} s, raw floor first, then the platform…`);
    const floorRun = await measure(() => openLoop(floor.target, rate, seconds));
    await floor.stop();
    const run = await measure(() => openLoop(platformTarget, rate, seconds));
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
    cpuRows(floorRun, run);
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

let options: ReturnType<typeof parseOptions>;
try {
  options = parseOptions();
} catch (error) {
  console.error(`bench:calls: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
main(options.mode, options.sharedCores).catch((error: unknown) => {
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

type CpuPart = 'temporal' | 'postgres' | 'worker' | 'simulator' | 'bench';
type Measured<T> = T & { cpu: Record<CpuPart, number>; wallS: number; workerThreads: string };

/**
 * A run with the CPU seconds of each part of the stack over it: the Temporal server, PostgreSQL, the worker and
 * relay process, the simulated Twilio, and this process (the API, or the floor's worker, and the load driver).
 */
async function measureCpu<T extends { calls: number }>(
  processes: { worker: number | null; simulator: number | null; temporal: number[]; postgresDataDir: string | null },
  run: () => Promise<T>,
): Promise<Measured<T>> {
  const ofProcess = (pid: number | null) => () => (pid === null ? 0 : processCpuSeconds(pid));
  const meter = meterParts<CpuPart>({
    temporal: () => processes.temporal.reduce((sum, pid) => sum + processCpuSeconds(pid), 0),
    postgres: () => (processes.postgresDataDir ? postgresCpuSeconds(processes.postgresDataDir) : 0),
    worker: ofProcess(processes.worker),
    simulator: ofProcess(processes.simulator),
    bench: () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e6;
    },
  });
  const threads = () => (processes.worker === null ? new Map<string, number>() : threadCpuSeconds(processes.worker));
  const threadsBefore = threads();
  const started = Date.now();
  const result = await run();
  const cpu = meter.stop();
  const wallS = (Date.now() - started) / 1000;
  const workerThreads = [...threads()]
    .map(([name, seconds]) => ({ name, cores: (seconds - (threadsBefore.get(name) ?? 0)) / wallS }))
    .filter((thread) => thread.cores >= 0.01)
    .sort((a, b) => b.cores - a.cores)
    .map((thread) => `${thread.name} ${thread.cores.toFixed(2)}`)
    .join(', ');
  return { ...result, cpu, wallS, workerThreads };
}

/** Cores each part used over the run (arrivals and drain) and CPU ms per call, floor beside platform. */
function cpuRows(floor: Measured<{ calls: number }>, platform: Measured<{ calls: number }>): void {
  const cores = (run: Measured<{ calls: number }>, part: CpuPart) => (run.cpu[part] / run.wallS).toFixed(2);
  const labels: Record<CpuPart, string> = {
    temporal: 'Temporal server',
    postgres: 'PostgreSQL',
    worker: 'worker + relay',
    simulator: 'simulated Twilio',
    bench: 'API or floor worker',
  };
  console.log('CPU, cores over the run:');
  for (const part of Object.keys(labels) as CpuPart[]) {
    row(`  ${labels[part]}`, cores(floor, part), cores(platform, part));
  }
  const perCall = (run: Measured<{ calls: number }>, parts: CpuPart[]) =>
    (parts.reduce((sum, part) => sum + run.cpu[part], 0) / run.calls) * 1000;
  console.log(`  worker + relay by thread (platform): ${platform.workerThreads || '–'}`);
  const all = Object.keys(labels) as CpuPart[];
  const [floorTemporal, platformTemporal] = [perCall(floor, ['temporal']), perCall(platform, ['temporal'])];
  row('Temporal CPU per call', ms(floorTemporal), ms(platformTemporal), ratio(platformTemporal, floorTemporal));
  const [floorAll, platformAll] = [perCall(floor, all), perCall(platform, all)];
  row('all CPU per call', ms(floorAll), ms(platformAll), ratio(platformAll, floorAll));
}

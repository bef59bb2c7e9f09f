import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Client } from '@temporalio/client';
import { createStripeBillingProvider } from '../activities/adapters/stripe-billing';
import { EnvSchema } from '../config/env';
import { loadPricingCatalog } from '../config/pricing';
import { BillingAccount } from '../db/entities';
import { inScope } from '../db/scope';
import { periodBilledAt } from '../domain/billing/billing-period';
import type { TemporalTarget } from '../temporal/client';
import type { InvoicingScheduleSettings } from '../temporal/invoicing-schedule';
import { startInvoicingFloor } from './floor/invoicing-floor';
import { activityBreakdown } from './support/activity-breakdown';
import { startBenchPlatform } from './support/bench-platform';
import { startCpuMeter, type CpuProbes } from './support/cpu-meter';
import { activityBetween, databaseActivity } from './support/database-activity';
import { expectedInvoice, usageInPeriod, type ExpectedInvoice } from './support/expected-invoices';
import { startCpuProfile, selfTimeByOrigin } from './support/inspector-profile';
import { checkInvoices } from './support/invoice-correctness';
import { createInvoiceDataset } from './support/invoice-dataset';
import { counts, load, printComparison, printCorrectness, printCosts, type RunFigures } from './support/invoice-report';
import { runScheduledInvoicing } from './support/scheduled-invoicing-run';
import { workflowTimings } from './support/workflow-timings';

const DATA_DIR = path.resolve('.data/bench-invoices-postgres');
const PROFILE_FILE = path.resolve('.data/bench-invoices-worker.cpuprofile');
const TARGET_S = 120;
const HISTORY_SAMPLE = 100;
/** Backends report their counters to pg_stat within ten seconds of going idle. */
const STATS_SETTLE_MS = 11_000;

interface Options {
  tenants: number;
  events: number;
  concurrency: number;
  /** Sample the worker's main thread during the platform run and write a .cpuprofile. */
  cpuProf: boolean;
}

/** `--tenants N --events M` (default the 1,000 × 10,000), `--concurrency C` (default the worker's). */
function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      tenants: { type: 'string' },
      events: { type: 'string' },
      concurrency: { type: 'string' },
      'cpu-prof': { type: 'boolean' },
    },
  });
  const whole = (name: string, value: string | undefined, fallback: number, max: number) => {
    const parsed = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > max)
      throw new Error(`--${name} must be a whole number in [1, ${max}], got ${value}`);
    return parsed;
  };
  const { INVOICING_CONCURRENCY } = EnvSchema.pick({ INVOICING_CONCURRENCY: true }).parse({});
  return {
    tenants: whole('tenants', values.tenants, 1_000, 100_000),
    events: whole('events', values.events, 10_000, 100_000),
    concurrency: whole('concurrency', values.concurrency, INVOICING_CONCURRENCY, 100),
    cpuProf: values['cpu-prof'] === true,
  };
}

/** The worker's schedule as configured by default, with no grace window (the period has ended before the run). */
function scheduleSettings(concurrency: number): InvoicingScheduleSettings {
  const defaults = EnvSchema.pick({ INVOICING_DAY_OF_MONTH: true, INVOICING_HOUR: true, INVOICING_TIME_ZONE: true });
  const { INVOICING_DAY_OF_MONTH, INVOICING_HOUR, INVOICING_TIME_ZONE } = defaults.parse({});
  return {
    dayOfMonth: INVOICING_DAY_OF_MONTH,
    hour: INVOICING_HOUR,
    timeZone: INVOICING_TIME_ZONE,
    graceMs: 0,
    concurrency,
  };
}

/**
 * `npm run bench:invoices`: one monthly invoice run over N tenants with M usage events each, started by the
 * invoicing schedule as in production and billed on the Stripe simulator, with the worker in a process of its
 * own; before it the floor, the same workflows with activities that do nothing, on the same Temporal server.
 * Prints total time, tenants/s, per-tenant latency, CPU, where the time went and a correctness line.
 */
async function main(options: Options): Promise<void> {
  const ownDatabase = !process.env.BENCH_DATABASE_URL;
  // A fresh cluster every run: tenants of an earlier run would be billable again.
  if (ownDatabase) rmSync(DATA_DIR, { recursive: true, force: true });
  // No API to protect here (unlike bench:calls), and on a shared machine a niced stack measures the others' load.
  const platform = await startBenchPlatform('Bench invoices', {
    relay: { counterGraceMs: 500 },
    background: false,
    dataDir: DATA_DIR,
  });
  const { orm, client, target, sim } = platform;
  const accounts = await inScope(orm, { system: 'bench-invoices' }, (em) => em.count(BillingAccount, {}));
  if (accounts > 0) throw new Error(`the bench database already has ${accounts} billing accounts: use an empty one`);
  const { temporal } = platform.processes;
  const worker = platform.processes.worker!;

  const period = periodBilledAt(new Date());
  const schedule = scheduleSettings(options.concurrency);
  console.log(
    `bench:invoices: ${options.tenants.toLocaleString('en')} tenants × ${options.events.toLocaleString('en')} usage events, period ${period}, concurrency ${options.concurrency}, grace 0; worker and Temporal server at normal priority`,
  );

  const setupStarted = performance.now();
  const stripe = createStripeBillingProvider({ simulatorUrl: sim.url, timeoutMs: 5_000 });
  const { tenants, stagesMs } = await createInvoiceDataset(
    { orm, stripe },
    { tenants: options.tenants, eventsPerTenant: options.events, period, runId: Date.now().toString(36) },
  );
  const catalog = loadPricingCatalog();
  const usage = await usageInPeriod(
    orm,
    tenants.map((tenant) => tenant.id),
    period,
  );
  const expected = new Map<string, ExpectedInvoice>(
    tenants.map((tenant) => [tenant.id, expectedInvoice(catalog, tenant.plan, usage.get(tenant.id)!)]),
  );
  const plans: Record<string, number> = {};
  for (const tenant of tenants) plans[tenant.plan] = (plans[tenant.plan] ?? 0) + 1;
  const zero = [...expected.values()].filter((invoice) => invoice.totalCents === 0).length;
  const stages = Object.entries(stagesMs).map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`);
  console.log(
    `set-up (not timed): ${counts(plans)}; ${(options.tenants * options.events).toLocaleString('en')} usage events with their rollup; ${zero} tenants with nothing to pay; ${((performance.now() - setupStarted) / 1000).toFixed(1)} s (${stages.join(', ')})`,
  );

  // The set-up's own statements must be counted before the run's, and backends report theirs late.
  await new Promise((resolve) => setTimeout(resolve, STATS_SETTLE_MS));
  const databaseBefore = await databaseActivity(orm);

  // The floor first, alone (it never touches the database); then the platform on the same Temporal server.
  console.log(`floor run… (${load()})`);
  const floor = await startInvoicingFloor({
    temporalAddress: platform.temporalAddress,
    tenants: tenants.map((tenant) => {
      const invoice = expected.get(tenant.id)!;
      return { toBill: invoice.totalCents > 0, lines: invoice.lines };
    }),
  });
  const floorFigures = await measureRun(client, floor.target, schedule, options.tenants, {
    worker: 'self',
    temporal,
    postgresDataDir: null,
  });
  await floor.stop();

  const loadBefore = load();
  console.log(`platform run… (${loadBefore})`);
  const profile = options.cpuProf ? await startCpuProfile(worker, 'worker-entry') : null;
  const stripeBefore = { ...sim.state.requestCounts };
  const platformFigures = await measureRun(client, target, schedule, options.tenants, {
    worker,
    temporal,
    postgresDataDir: ownDatabase ? DATA_DIR : null,
  });
  const loadAfter = load();
  const profiled = profile ? selfTimeByOrigin(await profile.stop(PROFILE_FILE)) : null;
  const stripeRequests = Object.fromEntries(
    Object.entries(sim.state.requestCounts)
      .filter(([operation]) => operation.startsWith('stripe.'))
      .map(([operation, n]) => [operation.slice('stripe.'.length), n - (stripeBefore[operation] ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );
  await new Promise((resolve) => setTimeout(resolve, STATS_SETTLE_MS));
  const database = activityBetween(databaseBefore, await databaseActivity(orm));
  const correctness = await checkInvoices(orm, sim.state.stripe, period, expected);

  console.log();
  printComparison(options.tenants, floorFigures, platformFigures, { seconds: TARGET_S, loadBefore, loadAfter });
  console.log();
  printCosts(options.tenants, floorFigures, platformFigures, {
    stripeRequests,
    database,
    profile: profiled,
    profileFile: path.relative(process.cwd(), PROFILE_FILE),
  });
  console.log();
  printCorrectness(correctness);
  await platform.stop();
  // Gigabytes at full size, and never reused: the next run starts from a fresh cluster anyway.
  if (ownDatabase) rmSync(DATA_DIR, { recursive: true, force: true });
  const allCompleted =
    platformFigures.timings.durations.length === options.tenants && !platformFigures.timings.statuses.FAILED;
  if (!correctness.equal || !allCompleted) process.exit(1);
}

/** One scheduled run on `target`, with the CPU it cost and its tenants' timings from Temporal. */
async function measureRun(
  client: Client,
  target: TemporalTarget,
  schedule: InvoicingScheduleSettings,
  tenants: number,
  probes: CpuProbes,
): Promise<RunFigures> {
  const cpu = startCpuMeter(probes);
  const run = await runScheduledInvoicing(client, target, schedule);
  const spent = cpu.stop();
  const timings = await workflowTimings(client, {
    workflowType: 'invoiceTenant',
    taskQueue: target.taskQueue,
    expected: tenants,
  });
  // Every k-th tenant's history, at most HISTORY_SAMPLE of them.
  const step = Math.max(1, Math.ceil(timings.workflowIds.length / HISTORY_SAMPLE));
  const sampled = timings.workflowIds.filter((_, index) => index % step === 0);
  const steps = await activityBreakdown(client, sampled);
  return { elapsedMs: run.elapsedMs, totals: run.totals, timings, steps, sampled: sampled.length, cpu: spent };
}

let options: Options;
try {
  options = parseOptions();
} catch (error) {
  console.error(`bench:invoices: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
main(options).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import os from 'node:os';
import type { MonthlyInvoicingTotals } from '../../workflows/monthly-invoicing';
import type { StepTiming } from './activity-breakdown';
import type { CpuSpent } from './cpu-meter';
import type { activityBetween } from './database-activity';
import type { InvoiceCorrectness } from './invoice-correctness';
import { percentile } from './bench-stack';
import type { WorkflowTimings } from './workflow-timings';

/** What one run (the floor's or the platform's) measured. */
export interface RunFigures {
  elapsedMs: number;
  totals: MonthlyInvoicingTotals;
  timings: WorkflowTimings;
  steps: StepTiming[];
  sampled: number;
  cpu: CpuSpent;
}

export interface PlatformCosts {
  stripeRequests: Record<string, number>;
  database: ReturnType<typeof activityBetween>;
  /** Self time of the worker's main thread by origin, when it was profiled. */
  profile: { origin: string; share: number }[] | null;
  profileFile: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const millis = (ms: number) => `${ms.toFixed(0)} ms`;
const eur = (cents: number) =>
  `${(cents / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} EUR`;
export const counts = (byKey: Record<string, number>) =>
  Object.entries(byKey)
    .map(([key, value]) => `${key} ${value.toLocaleString('en')}`)
    .join(', ') || 'none';
export const load = () =>
  `load average ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')} (${os.cpus().length} cores)`;
const row = (label: string, floor: string, platform: string, ratio = '') =>
  console.log(`${label.padEnd(26)}${floor.padEnd(32)}${platform.padEnd(32)}${ratio}`);
const ratio = (platform: number, floor: number) => (floor > 0 ? (platform / floor).toFixed(2) : '–');

/** The floor and the platform side by side, with the target and the machine's load. */
export function printComparison(
  tenants: number,
  floor: RunFigures,
  platform: RunFigures,
  target: { seconds: number; loadBefore: string; loadAfter: string },
): void {
  const perS = (ms: number) => tenants / (ms / 1000);
  row('', 'Temporal floor', 'platform', 'platform/floor');
  row('total time', seconds(floor.elapsedMs), seconds(platform.elapsedMs), ratio(platform.elapsedMs, floor.elapsedMs));
  const [floorRate, platformRate] = [perS(floor.elapsedMs), perS(platform.elapsedMs)];
  row('tenants/s', floorRate.toFixed(1), platformRate.toFixed(1), ratio(platformRate, floorRate));
  for (const p of [50, 95]) {
    const [atFloor, atPlatform] = [percentile(floor.timings.durations, p), percentile(platform.timings.durations, p)];
    row(`per tenant p${p}`, millis(atFloor), millis(atPlatform), ratio(atPlatform, atFloor));
  }
  const cpuPerTenant = (run: RunFigures) => (run.cpu.total * 1000) / tenants;
  row(
    'CPU per tenant',
    `${millis(cpuPerTenant(floor))}`,
    `${millis(cpuPerTenant(platform))}`,
    ratio(cpuPerTenant(platform), cpuPerTenant(floor)),
  );
  const parts = (cpu: CpuSpent) =>
    Object.entries(cpu.parts)
      .filter(([, value]) => value >= 0.05)
      .map(([name, value]) => `${name} ${value.toFixed(1)}`)
      .join(', ');
  row('  CPU seconds', parts(floor.cpu), parts(platform.cpu));
  row('tenant runs', counts(floor.timings.statuses), counts(platform.timings.statuses));
  row('run totals', outcomes(floor.totals), outcomes(platform.totals));
  const met = platform.elapsedMs / 1000 < target.seconds;
  console.log(
    `target:                   < ${target.seconds} s for the platform run → ${met ? 'met' : 'MISSED'} (${seconds(platform.elapsedMs)})`,
  );
  console.log(`machine:                  before ${target.loadBefore}; after ${target.loadAfter}`);
}

/** The run's totals by outcome, those that occurred. */
function outcomes(totals: MonthlyInvoicingTotals): string {
  return counts(Object.fromEntries(Object.entries(totals).filter(([name, n]) => name !== 'tenants' && n > 0)));
}

/** Where the platform's run spent its time: threads, requests, database work, and per step against the floor. */
export function printCosts(tenants: number, floor: RunFigures, platform: RunFigures, costs: PlatformCosts): void {
  console.log('where the platform run spent its time');
  const threads = (cpu: CpuSpent) =>
    cpu.workerThreads.map((thread) => `${thread.name} ${thread.seconds.toFixed(1)}`).join(', ');
  console.log(`  worker CPU s by thread: ${threads(platform.cpu)} (floor: ${threads(floor.cpu)})`);
  if (costs.profile) {
    const top = costs.profile.slice(0, 10).map((entry) => `${entry.origin} ${(entry.share * 100).toFixed(0)} %`);
    console.log(`  worker main thread:     ${top.join(', ')} (self time, ${costs.profileFile})`);
  }
  const stripeTotal = Object.values(costs.stripeRequests).reduce((sum, n) => sum + n, 0);
  console.log(
    `  Stripe requests:        ${stripeTotal.toLocaleString('en')} (${(stripeTotal / tenants).toFixed(2)} per tenant): ${counts(costs.stripeRequests)}`,
  );
  const { database } = costs;
  console.log(
    `  database:               ${database.transactions.toLocaleString('en')} transactions (${(database.transactions / tenants).toFixed(1)} per tenant), rows inserted ${database.inserted.toLocaleString('en')}, updated ${database.updated.toLocaleString('en')}, deleted ${database.deleted.toLocaleString('en')}`,
  );
  const scans = database.seqRead.slice(0, 4).map((entry) => `${entry.table} ${entry.rows.toLocaleString('en')}`);
  console.log(`  rows read by seq scans: ${scans.join(', ') || 'none'}`);
  console.log(`  per step, mean over ${platform.sampled} tenants' histories (queued → ran, count): floor | platform`);
  const names = [...new Set([...platform.steps, ...floor.steps].map((step) => step.name))];
  const show = (step: StepTiming | undefined) =>
    step ? `${millis(step.queueMs)} → ${millis(step.runMs)} (×${step.count})` : '–';
  for (const name of names) {
    row(
      `    ${name}`,
      show(floor.steps.find((step) => step.name === name)),
      show(platform.steps.find((step) => step.name === name)),
    );
  }
}

export function printCorrectness({ expected, platform, stripe, equal }: InvoiceCorrectness): void {
  console.log(
    `expected:     ${eur(expected.totalCents)} over ${expected.invoices.toLocaleString('en')} invoices, ${expected.toStripe.toLocaleString('en')} with something to pay (from the raw events and config/pricing.json)`,
  );
  console.log(
    `platform:     ${eur(platform.totalCents)} in ${platform.invoices.toLocaleString('en')} invoice rows (${counts(platform.statuses)}); ${platform.tenantsOff} tenants off`,
  );
  console.log(
    `Stripe:       ${eur(stripe.totalCents)} in ${stripe.invoices.toLocaleString('en')} simulator invoices (${counts(stripe.statuses)}); ${stripe.tenantsOff} tenants off`,
  );
  const difference = (side: { totalCents: number }) =>
    side.totalCents === expected.totalCents
      ? 'equal'
      : `${side.totalCents > expected.totalCents ? '+' : '−'}${eur(Math.abs(side.totalCents - expected.totalCents))}`;
  console.log(
    `correctness:  sum of invoices = expected → ${equal ? 'EQUAL' : `DIFFERENT (platform ${difference(platform)}, Stripe ${difference(stripe)})`}`,
  );
}

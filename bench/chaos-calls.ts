import path from 'node:path';
import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadPricingCatalog } from '../config/pricing';
import { Bot } from '../db/entities';
import { inScope } from '../db/scope';
import { periodEndsAt, periodOf } from '../domain/billing/billing-period';
import { createBot } from '../domain/bots/create-bot';
import { simControl } from '../sim/sim-control';
import { createInvoicingClient } from '../temporal/invoicing-client';
import { startSimulatorProcess } from '../tests/support/simulator-process';
import type { InvoiceTenantResult } from '../workflows/invoice-tenant';
import { startBenchApi } from './support/bench-api';
import { ADMIN_EMAIL, seedAndConnect } from './support/bench-platform';
import { startFaultRelay } from './support/chaos-faults';
import { expectedMinutesOf, expectedTotals, planCalls, type ChaosCall } from './support/chaos-plan';
import { backlog, invoicedTotals, recordedCalls } from './support/chaos-recorded';
import { chaosWorker, startChaosStack } from './support/chaos-stack';
import { createChaosTenant } from './support/chaos-tenant';

const DATA_DIR = path.resolve('.data/chaos-calls');
const PLAN = 'enterprise';
const BOTS = 4;
const COUNTER_GRACE_MS = 500;
/** Production waits 15 minutes (CALL_FINALIZE_AFTER) before asking Twilio about a call without a final status. */
const FINALIZE_AFTER_MS = 30_000;
/** The load side retries a delivery without a 2xx (no answer, 5xx, 429) for this long, then gives it up. */
const RETRY_FOR_MS = 3 * 60_000;
const SETTLE_LIMIT_MS = 10 * 60_000;
const INVOICE_LIMIT_MS = 5 * 60_000;

interface Options {
  calls: number;
  rate: number;
  killEvery: number;
  seed: number;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      calls: { type: 'string' },
      rate: { type: 'string' },
      'kill-every': { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const number = (name: string, value: string | undefined, fallback: number, min: number, max: number) => {
    const parsed = value === undefined ? fallback : Number(value);
    if (!Number.isFinite(parsed) || parsed < min || parsed > max)
      throw new Error(`--${name} must be a number in [${min}, ${max}], got ${value}`);
    return parsed;
  };
  const calls = number('calls', values.calls, 10_000, 1, 1_000_000);
  const seedValue = number('seed', values.seed, 13, 0, 2 ** 31 - 1);
  if (!Number.isInteger(calls) || !Number.isInteger(seedValue)) throw new Error('--calls and --seed are whole numbers');
  return {
    calls,
    rate: number('rate', values.rate, 10, 0.1, 500),
    killEvery: number('kill-every', values['kill-every'], 30, 5, 3_600),
    seed: seedValue,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const euros = (cents: number) => `${(cents / 100).toFixed(2)} €`;
const verdict = (equal: boolean) => (equal ? 'EQUAL' : 'MISMATCH');

/**
 * `npm run chaos:calls`: the platform as `bench:calls` runs it (the API here, worker and inbox relay in a process
 * of their own, the simulated Twilio in a third, a Temporal dev server and the embedded PostgreSQL), N calls
 * placed at a fixed rate through signed webhooks with faults injected by the load side (duplicated, reordered and
 * lost callbacks), the worker SIGKILLed every `--kill-every` seconds, Temporal and PostgreSQL each restarted once;
 * then, once everything has settled, the month invoiced by the real `invoiceTenant` workflow on the Stripe
 * simulator. Prints expected (from what the load side sent) against recorded calls, minutes and invoice totals.
 */
async function main(options: Options): Promise<void> {
  const began = Date.now();
  const at = () => `t+${seconds(Date.now() - began).padStart(8)}`;
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const stack = await startChaosStack(DATA_DIR);
  const sim = await startSimulatorProcess({
    appSetupDelayMs: 300,
    numberExchange: String(100_000 + (Date.now() % 900_000)),
  });
  const { connection, client, target } = await seedAndConnect(stack);
  const worker = chaosWorker({
    databaseUrl: stack.databaseUrl,
    temporalAddress: stack.temporalAddress,
    taskQueue: stack.taskQueue,
    simulatorUrl: sim.url,
    timing: { counterGraceMs: COUNTER_GRACE_MS, finalizeAfterMs: FINALIZE_AFTER_MS },
    giveUpMs: 3 * 60_000,
  });
  await worker.start();

  const period = periodOf(new Date());
  const { tenantId, actor } = await createChaosTenant(
    { orm: stack.orm, simulatorUrl: sim.url },
    { plan: PLAN, period, adminEmail: ADMIN_EMAIL },
  );
  const remoteSim = {
    url: sim.url,
    get state(): never {
      throw new Error('The simulator runs in its own process');
    },
    get app(): never {
      throw new Error('The simulator runs in its own process');
    },
    stop: async () => undefined,
  };
  const {
    app,
    url: apiUrl,
    provisioning,
  } = await startBenchApi(
    {
      orm: stack.orm,
      temporalAddress: stack.temporalAddress,
      sim: remoteSim,
      client,
      target,
      tenantId,
      actor,
      processes: { worker: null, simulator: null, temporal: [], postgresDataDir: null },
      stop: async () => undefined,
    },
    { counterGraceMs: COUNTER_GRACE_MS },
  );

  for (let n = 0; n < BOTS; n += 1) {
    await createBot(
      { orm: stack.orm, provisioning },
      { actor, input: { tenantId, name: `Chaos ${n}`, locale: 'de-AT', voice: 'v', greeting: 'Hallo' } },
    );
  }
  let numbers: string[] = [];
  const provisionDeadline = Date.now() + 3 * 60_000;
  while (numbers.length < BOTS) {
    if (Date.now() > provisionDeadline) throw new Error(`only ${numbers.length} of ${BOTS} bots became ready`);
    await sleep(250);
    numbers = (await inScope(stack.orm, { system: 'bench' }, (em) => em.find(Bot, { tenantId, status: 'ready' }))).map(
      (bot) => bot.twilioNumber!,
    );
  }

  const calls = planCalls(options.seed, options.calls);
  const expected = expectedTotals(calls, loadPricingCatalog(), PLAN);
  const relay = await startFaultRelay({ apiUrl, calls, retryForMs: RETRY_FOR_MS });
  const control = simControl(sim.url);
  const loadMs = (options.calls / options.rate) * 1000;
  console.log(
    `chaos:calls: ${options.calls.toLocaleString('en')} calls at ${options.rate}/s (≈ ${seconds(loadMs)}), seed ${options.seed}, ${BOTS} bots of one tenant on ${PLAN}, period ${period}; worker killed every ${options.killEvery} s, Temporal restarted at ≈ 35 %, PostgreSQL at ≈ 65 % of the load window; lost finals reconciled after ${seconds(FINALIZE_AFTER_MS)}`,
  );
  console.log(
    `faults planned: ${expected.faults.duplicatedWebhooks} of ${expected.faults.webhooks} webhooks duplicated (${((100 * expected.faults.duplicatedWebhooks) / expected.faults.webhooks).toFixed(1)} %), ${expected.faults.reorderedCalls} calls reordered, ${expected.faults.lostFinals} final statuses lost`,
  );

  // The chaos: kills on a fixed beat, one Temporal and one PostgreSQL restart inside the load window.
  const chaos = { temporalMs: null as number | null, postgresMs: null as number | null, stop: false };
  const loadStarted = Date.now();
  const temporalAt = loadStarted + Math.max(5_000, loadMs * 0.35);
  const postgresAt = Math.max(temporalAt + 15_000, loadStarted + loadMs * 0.65);
  const chaosLoop = (async () => {
    let nextKill = loadStarted + options.killEvery * 1000;
    while (!chaos.stop) {
      try {
        if (chaos.temporalMs === null && Date.now() >= temporalAt) {
          console.log(`${at()}  restarting the Temporal dev server…`);
          chaos.temporalMs = await stack.restartTemporal();
          console.log(`${at()}  Temporal dev server back after ${seconds(chaos.temporalMs)}`);
        } else if (chaos.postgresMs === null && Date.now() >= postgresAt) {
          console.log(`${at()}  restarting PostgreSQL…`);
          chaos.postgresMs = await stack.restartPostgres();
          console.log(`${at()}  PostgreSQL back after ${seconds(chaos.postgresMs)}`);
        } else if (Date.now() >= nextKill) {
          const downMs = await worker.killAndReplace();
          nextKill = Date.now() + options.killEvery * 1000;
          console.log(
            `${at()}  worker SIGKILLed (${worker.counts.kills}), its replacement polled ${seconds(downMs)} later`,
          );
        }
      } catch (error) {
        console.log(`${at()}  chaos step failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      await sleep(250);
    }
  })();

  // The load: call n is placed at n / rate seconds, whatever the answers; each resolves once its webhooks are sent.
  const placed = new Map<string, ChaosCall>();
  let placementErrors = 0;
  const placements: Promise<void>[] = [];
  const place = async (call: ChaosCall) => {
    try {
      const result = await control.placeCall({
        to: numbers[call.index % numbers.length]!,
        from: call.from,
        durationSeconds: call.durationSeconds,
        finalStatus: call.finalStatus,
        deliverTo: relay.url,
        reorder: call.reordered,
        drop: call.finalLost ? [call.finalStatus] : [],
      });
      placed.set(result.callSid, call);
    } catch {
      placementErrors += 1;
    }
  };
  let relayedBefore = 0;
  const printBacklog = async (label: string) => {
    const state = await backlog(stack.orm, tenantId, stack.taskQueue).catch(() => null);
    const relayed = worker.counts.relayed - relayedBefore;
    relayedBefore = worker.counts.relayed;
    console.log(
      `${at()}  ${label}: placed ${placed.size}/${options.calls}, metered ${state?.metered ?? '?'}, inbox pending ${state?.inboxPending ?? '?'} (failed ${state?.inboxFailed ?? '?'}), relayed since last line ${relayed}, load-side deliveries in flight ${relay.stats.inFlight}, retries ${relay.stats.retries}`,
    );
    return state;
  };
  let lastReport = Date.now();
  while (placements.length < options.calls) {
    const due = Math.min(options.calls, Math.floor(((Date.now() - loadStarted) / 1000) * options.rate) + 1);
    while (placements.length < due) placements.push(place(calls[placements.length]!));
    if (Date.now() - lastReport >= 10_000) {
      lastReport = Date.now();
      void printBacklog('load');
    }
    await sleep(Math.min(20, 1000 / options.rate));
  }
  await Promise.all(placements);
  const loadDoneMs = Date.now() - loadStarted;

  // Settle: every placed call metered, the inbox drained, nothing in flight on the load side, both restarts done.
  const settleStarted = Date.now();
  let settled = false;
  while (Date.now() - settleStarted < SETTLE_LIMIT_MS) {
    const state = await printBacklog('settling');
    if (
      state &&
      chaos.temporalMs !== null &&
      chaos.postgresMs !== null &&
      relay.stats.inFlight === 0 &&
      state.inboxPending === 0 &&
      state.metered >= placed.size
    ) {
      settled = true;
      break;
    }
    await sleep(5_000);
  }
  const settleMs = Date.now() - settleStarted;
  chaos.stop = true;
  await chaosLoop;
  if (!settled) console.log(`${at()}  not settled after ${seconds(SETTLE_LIMIT_MS)}: counting what is there`);

  // The month's invoice through the real invoiceTenant workflow. It bills a month once it has ended (plus grace);
  // the calls were made this month, so the grace is set to end now: the month is closed early, rated as it stands.
  const invoiceStarted = Date.now();
  const invoicing = createInvoicingClient(client, target, {
    graceMs: Date.now() - periodEndsAt(period),
    concurrency: 1,
  });
  const { workflowId } = await invoicing.startTenantRun({ tenantId, period });
  const invoiceRun = await Promise.race([
    client.workflow.getHandle(workflowId).result() as Promise<InvoiceTenantResult>,
    sleep(INVOICE_LIMIT_MS).then(() => null),
  ]);
  const invoiceMs = Date.now() - invoiceStarted;

  const expectedMinutes = new Map([...placed].map(([callSid, call]) => [callSid, expectedMinutesOf(call)]));
  const recorded = await recordedCalls(stack.orm, tenantId, expectedMinutes);
  const invoiced = await invoicedTotals(stack.orm, sim.url, tenantId, period);
  const stats = relay.stats;

  const callsEqual = recorded.calls === expected.calls && placementErrors === 0;
  const minutesEqual = recorded.minutes === expected.minutes && recorded.wrongMinutes === 0;
  const invoiceEqual =
    invoiced.platform?.totalCents === expected.invoice.totalCents &&
    invoiced.stripe.invoices === 1 &&
    invoiced.stripe.totalCents === expected.invoice.totalCents;
  const cleanCounts =
    recorded.duplicateEvents === 0 &&
    recorded.duplicateLogs === 0 &&
    recorded.lost === 0 &&
    recorded.unmetered === 0 &&
    recorded.unexpected === 0;
  const allRestarts = chaos.temporalMs !== null && chaos.postgresMs !== null && worker.counts.kills > 0;

  console.log();
  console.log(
    `faults injected:     ${stats.duplicatesSent} webhooks delivered twice of ${stats.received} sent by the simulated Twilio, ${expected.faults.reorderedCalls} calls reordered, ${expected.faults.lostFinals} final statuses never sent`,
  );
  console.log(
    `chaos:               ${worker.counts.kills} worker SIGKILLs (+${worker.counts.crashes} crashes, ${worker.counts.failedStarts} failed starts), Temporal restarted once (down ${chaos.temporalMs === null ? 'never' : seconds(chaos.temporalMs)}), PostgreSQL restarted once (down ${chaos.postgresMs === null ? 'never' : seconds(chaos.postgresMs)}); relay errors reported ${worker.counts.relayErrors}`,
  );
  console.log(
    `load side:           ${stats.retries} delivery retries, ${stats.gaveUp} given up, ${stats.refused} refused (4xx), answers ${JSON.stringify(stats.statuses)}, ${placementErrors} calls the simulator could not place`,
  );
  console.log(
    `calls:               expected ${expected.calls}, recorded ${recorded.calls} → ${verdict(callsEqual)}  (call logs ${JSON.stringify(recorded.statuses)})`,
  );
  console.log(
    `billable minutes:    expected ${expected.minutes}, recorded ${recorded.minutes} → ${verdict(minutesEqual)}  (${recorded.wrongMinutes} calls with other minutes)`,
  );
  console.log(
    `invoice ${period}:     expected ${euros(expected.invoice.totalCents)}, platform ${invoiced.platform ? `${euros(invoiced.platform.totalCents)} (${invoiced.platform.status})` : 'none'}, Stripe simulator ${euros(invoiced.stripe.totalCents)} in ${invoiced.stripe.invoices} invoice(s) ${JSON.stringify(invoiced.stripe.statuses)} → ${verdict(invoiceEqual)}  (run: ${invoiceRun ? invoiceRun.outcome : 'did not finish'})`,
  );
  console.log(
    `duplicates recorded: ${recorded.duplicateEvents + recorded.duplicateLogs}; lost: ${recorded.lost}; not metered to the end: ${recorded.unmetered}; unexpected: ${recorded.unexpected}`,
  );
  console.log(
    `time:                load ${seconds(loadDoneMs)}, settle ${seconds(settleMs)}, invoicing ${seconds(invoiceMs)}, total ${seconds(Date.now() - began)}`,
  );

  relay.close().catch(() => undefined);
  await app.close();
  await worker.stop();
  await connection.close();
  await sim.stop();
  await stack.stop();
  const ok = callsEqual && minutesEqual && invoiceEqual && cleanCounts && allRestarts && settled;
  console.log(`chaos:calls ${ok ? 'PASSED' : 'FAILED'}`);
  process.exit(ok ? 0 : 1);
}

let options: Options;
try {
  options = parseOptions();
} catch (error) {
  console.error(`chaos:calls: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
main(options).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

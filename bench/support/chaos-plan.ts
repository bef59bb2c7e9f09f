import type { PlanId, PricingCatalog } from '../../contracts/pricing';
import { expectedInvoice, type ExpectedInvoice } from './expected-invoices';

/** The webhooks of one call, as the fault plan names them: the voice webhook and the three status callbacks. */
export const CALL_WEBHOOKS = ['voice', 'ringing', 'in-progress', 'final'] as const;
export type CallWebhook = (typeof CALL_WEBHOOKS)[number];

export type FinalStatus = 'completed' | 'busy' | 'no-answer';

/** What the load side does with call `index`: its outcome and the faults it injects into its webhooks. */
export interface ChaosCall {
  index: number;
  /** The caller's number; it carries the index, so the fault relay finds the call's plan in each webhook. */
  from: string;
  durationSeconds: number;
  finalStatus: FinalStatus;
  /** Webhooks delivered twice (at the same time, as a retry racing its original would be). */
  duplicated: CallWebhook[];
  /** The status callbacks arrive in reverse order (final status first). */
  reordered: boolean;
  /** The final status callback is never sent: the platform must ask Twilio what became of the call. */
  finalLost: boolean;
}

export interface FaultRates {
  /** Share of all webhooks delivered twice. */
  duplicate: number;
  /** Share of calls whose status callbacks are reordered. */
  reorder: number;
  /** Share of calls whose final status callback is lost. */
  loseFinal: number;
  /** Share of calls that end busy or unanswered (no billable minutes) instead of completed. */
  unanswered: number;
}

/** The fault mix (13, `chaos:calls`): 10 % duplicated webhooks, 5 % reordered calls, 1 % lost finals. */
export const DEFAULT_FAULT_RATES: FaultRates = { duplicate: 0.1, reorder: 0.05, loseFinal: 0.01, unanswered: 0.05 };

/** Calls last 0 s to just under an hour: a month of them runs past the plan's included minutes into its bands. */
export const MAX_DURATION_SECONDS = 3_599;

const FROM_PREFIX = '+43699';

export const fromNumberOf = (index: number): string => `${FROM_PREFIX}${String(index).padStart(7, '0')}`;

/** The call index a caller number carries, or null for a number the plan did not make. */
export function indexOfFrom(from: string): number | null {
  if (!from.startsWith(FROM_PREFIX)) return null;
  const digits = from.slice(FROM_PREFIX.length);
  return /^\d{7}$/.test(digits) ? Number(digits) : null;
}

/** mulberry32: a small, fast PRNG with a 32-bit state, enough to spread faults evenly and reproducibly. */
function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Call `index` of the run with `seed`: each call draws from a generator of its own (seed and index mixed), so a
 * call's plan depends on nothing but the seed and its index — the same whatever the count or the order asked in.
 */
export function planCall(seed: number, index: number, rates: FaultRates = DEFAULT_FAULT_RATES): ChaosCall {
  const random = mulberry32(Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));
  const durationSeconds = Math.floor(random() * (MAX_DURATION_SECONDS + 1));
  const outcome = random();
  const finalStatus: FinalStatus =
    outcome < rates.unanswered / 2 ? 'busy' : outcome < rates.unanswered ? 'no-answer' : 'completed';
  const duplicated = CALL_WEBHOOKS.filter(() => random() < rates.duplicate);
  const reordered = random() < rates.reorder;
  const finalLost = random() < rates.loseFinal;
  return {
    index,
    from: fromNumberOf(index),
    durationSeconds,
    finalStatus,
    // A lost final status is never sent, so it is not sent twice either.
    duplicated: finalLost ? duplicated.filter((webhook) => webhook !== 'final') : duplicated,
    reordered,
    finalLost,
  };
}

export function planCalls(seed: number, calls: number, rates: FaultRates = DEFAULT_FAULT_RATES): ChaosCall[] {
  return Array.from({ length: calls }, (_, index) => planCall(seed, index, rates));
}

/** Billed per started minute, and only for a completed call; written here from the price list, not imported. */
export const expectedMinutesOf = (call: ChaosCall): number =>
  call.finalStatus === 'completed' ? Math.ceil(call.durationSeconds / 60) : 0;

export interface ExpectedTotals {
  calls: number;
  minutes: number;
  /** Faults the plan injects, for the report. */
  faults: { duplicatedWebhooks: number; webhooks: number; reorderedCalls: number; lostFinals: number };
  invoice: ExpectedInvoice;
}

/**
 * What the platform must have recorded and billed for the calls the load side placed: every call once
 * (`call_started`), the billable minutes of the completed ones, and the month's invoice on `plan` from the bench's
 * own reading of the price list (`expectedInvoice`).
 */
export function expectedTotals(calls: ChaosCall[], catalog: PricingCatalog, plan: PlanId): ExpectedTotals {
  const minutes = calls.reduce((sum, call) => sum + expectedMinutesOf(call), 0);
  const webhooks = calls.reduce((sum, call) => sum + (call.finalLost ? 3 : 4), 0);
  return {
    calls: calls.length,
    minutes,
    faults: {
      duplicatedWebhooks: calls.reduce((sum, call) => sum + call.duplicated.length, 0),
      webhooks,
      reorderedCalls: calls.filter((call) => call.reordered).length,
      lostFinals: calls.filter((call) => call.finalLost).length,
    },
    invoice: expectedInvoice(catalog, plan, { call_started: calls.length, minutes }),
  };
}

/** Which of a call's webhooks a delivery is: the voice webhook, or a status callback by its status. */
export function webhookOf(path: string, callStatus: string | null): CallWebhook | null {
  if (path.endsWith('/incoming')) return 'voice';
  if (!path.endsWith('/status') || callStatus === null) return null;
  if (callStatus === 'ringing' || callStatus === 'in-progress') return callStatus;
  return 'final';
}

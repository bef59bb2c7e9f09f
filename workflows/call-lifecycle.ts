import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  defineQuery,
  defineSignal,
  patched,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import type { MeteringActivities } from '../activities/metering';
import { isTerminalCallStatus, type CallStart, type CallStatusEvent } from '../domain/telephony/call-status';
import { BOT_COUNTER_KINDS } from '../contracts/usage-kind';

export interface CounterReport {
  reportId: string;
  kind: string;
  quantity: number;
}

export const callStatusSignal = defineSignal<[CallStatusEvent]>('callStatus');
/** Several statuses of one call in the order received: what waited in the inbox is handed over in one signal. */
export const callStatusesSignal = defineSignal<[CallStatusEvent[]]>('callStatuses');
export const usageCountersSignal = defineSignal<[CounterReport[]]>('usageCounters');

export interface CallState {
  status: string;
  statuses: string[];
  counters: Record<string, number>;
  reconciliations: number;
}
export const callStateQuery = defineQuery<CallState>('callState');

export interface CallLifecycleInput {
  call: CallStart;
  /** Without a final status by then, ask Twilio what became of the call instead of waiting forever. */
  finalizeAfterMs?: number;
  maxReconciliations?: number;
  /** Counters may still arrive from the bot just after hang-up. */
  counterGraceMs?: number;
}

/** Calls started before retries were bounded keep their original (unbounded) schedule on replay. */
const unboundedActivities = proxyActivities<MeteringActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
/** About ten minutes of retries ride out a database restart; bad data fails at once (non-retryable). */
const boundedActivities = proxyActivities<MeteringActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: 25,
  },
});
export const BOUNDED_METERING_PATCH = 'bounded-metering-retries';

/**
 * Meters one call: `call_started` at once, billable minutes and adapter counters when it ends. Duplicate and
 * out-of-order status callbacks only move it forward; a lost final callback is replaced by asking Twilio.
 */
export async function callLifecycle(input: CallLifecycleInput): Promise<{ status: string; minutes: number }> {
  const statuses: string[] = [];
  let final: CallStatusEvent | null = null;
  let reconciliations = 0;
  const counters: Record<string, number> = Object.fromEntries(BOT_COUNTER_KINDS.map((kind) => [kind, 0]));
  const seenReports = new Set<string>();

  const onStatus = (event: CallStatusEvent) => {
    statuses.push(event.status);
    // The first final status wins, except that one carrying the duration replaces one without.
    if (
      isTerminalCallStatus(event.status) &&
      (!final || (final.durationSeconds === null && event.durationSeconds !== null))
    ) {
      final = event;
    }
  };
  setHandler(callStatusSignal, onStatus);
  // A new signal needs no patch: it adds no command, and histories without it replay as before.
  setHandler(callStatusesSignal, (events) => events.forEach(onStatus));
  setHandler(usageCountersSignal, (reports) => {
    for (const report of reports) {
      if (seenReports.has(report.reportId) || !(report.kind in counters)) continue;
      seenReports.add(report.reportId);
      counters[report.kind]! += report.quantity;
    }
  });
  const bounded = patched(BOUNDED_METERING_PATCH);
  const activities = bounded ? boundedActivities : unboundedActivities;

  setHandler(callStateQuery, () => ({
    status: final?.status ?? statuses.at(-1) ?? 'started',
    statuses,
    counters,
    reconciliations,
  }));

  await surfacingFailure(bounded, input.call.callSid, () => activities.recordCallStarted(input.call));

  const finalizeAfterMs = input.finalizeAfterMs ?? 15 * 60_000;
  const maxReconciliations = input.maxReconciliations ?? 16;
  /** The final status from a callback, or else from Twilio itself (reconciliation), or `unknown` at last. */
  const awaitFinalStatus = async (): Promise<CallStatusEvent> => {
    for (;;) {
      const arrived = await condition(() => final !== null, finalizeAfterMs);
      if (arrived && final) return final;
      reconciliations += 1;
      // Twilio unreachable for good counts as one more unanswered look, not as a failed call.
      const fetched = await activities.fetchCallStatus(input.call.callSid).catch((error: unknown) => {
        if (bounded && error instanceof ActivityFailure) return null;
        throw error;
      });
      if (fetched && isTerminalCallStatus(fetched.status)) {
        return { status: fetched.status, durationSeconds: fetched.durationSeconds, at: new Date().toISOString() };
      }
      if (reconciliations >= maxReconciliations)
        return { status: 'unknown', durationSeconds: null, at: new Date().toISOString() };
    }
  };
  final = await awaitFinalStatus();
  await sleep(input.counterGraceMs ?? 5_000);
  // Read after the grace period: a callback carrying the duration may still replace a bare final status.
  const ended: CallStatusEvent = final;
  return surfacingFailure(bounded, input.call.callSid, () =>
    activities.recordCallOutcome({
      call: input.call,
      status: ended.status,
      durationSeconds: ended.durationSeconds,
      endedAt: ended.at,
      counters: { ...counters },
    }),
  );
}

/**
 * A metering step that failed for good marks the call `metering_failed` and fails the workflow, so the call shows
 * up in the call log and as a failed run in Temporal (filter by TenantId) instead of retrying unseen.
 */
async function surfacingFailure<T>(bounded: boolean, callSid: string, step: () => Promise<T>): Promise<T> {
  if (!bounded) return step();
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const reason = error.cause?.message ?? error.message;
    await boundedActivities.flagCallMeteringFailed({ callSid, reason });
    throw ApplicationFailure.nonRetryable(`Metering call ${callSid} failed: ${reason}`, 'CallMeteringFailed');
  }
}

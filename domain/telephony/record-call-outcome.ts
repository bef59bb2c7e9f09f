import { LockMode } from '@mikro-orm/core';
import type { UsageKind } from '../../contracts/usage-kind';
import { CallLog } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { billableMinutes } from '../usage/billable-minutes';
import { insertUsagesOnce } from '../usage/insert-usage-once';
import { callUsageKey } from '../usage/usage-keys';
import { isCallStatus } from './call-log-lifecycle';
import type { CallStart } from './call-status';
import { applyCallTransition } from './record-call-transition';

export interface CallOutcome {
  call: CallStart;
  /** The final status Twilio reported, or the workflow's `unknown` when none ever came. */
  status: string;
  durationSeconds: number | null;
  endedAt: string;
  counters: Record<string, number>;
}

/**
 * Meters an ended call once: billable minutes (completed calls only) and the bot's counters, each under its
 * call-sid key, and the call log's final status. A call that never got a final status (`unknown`) bills no
 * minutes and is flagged `metering_failed` for review rather than left `in-progress`.
 */
export async function recordCallOutcome(
  deps: { orm: Orm },
  { actor, outcome }: { actor: SystemActor; outcome: CallOutcome },
): Promise<{ status: string; minutes: number }> {
  const { call } = outcome;
  const minutes = outcome.status === 'completed' ? billableMinutes(outcome.durationSeconds ?? 0) : 0;
  const quantities: [UsageKind, number][] = [
    ['minutes', minutes],
    ...Object.entries(outcome.counters).map(([kind, quantity]) => [kind as UsageKind, quantity] as [UsageKind, number]),
  ];
  await inScope(deps.orm, actor, async (em) => {
    await insertUsagesOnce(
      em,
      quantities
        .filter(([, quantity]) => quantity > 0)
        .map(([kind, quantity]) => ({
          tenantId: call.tenantId,
          botId: call.botId,
          kind,
          quantity,
          occurredAt: new Date(call.startedAt),
          idempotencyKey: callUsageKey(call.callSid, kind),
          source: 'twilio',
          callSid: call.callSid,
        })),
    );
    const log = await em.findOne(
      CallLog,
      { provider: 'twilio', externalCallId: call.callSid },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!log) return;
    const change = isCallStatus(outcome.status)
      ? ({ to: outcome.status, cause: 'provider_status' } as const)
      : ({ to: 'metering_failed', cause: 'metering_failed', reason: 'No final status came from Twilio' } as const);
    if (applyCallTransition(em, actor, log, change) === 'changed') {
      log.endedAt = new Date(outcome.endedAt);
      log.durationSeconds = outcome.durationSeconds;
    }
    await em.flush();
  });
  return { status: outcome.status, minutes };
}

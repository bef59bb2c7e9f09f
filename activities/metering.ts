import { log } from '@temporalio/activity';
import { CallLog } from '../db/entities';
import type { Orm } from '../db/orm';
import { inScope } from '../db/scope';
import type { CallStart } from '../domain/telephony/call-status';
import { billableMinutes } from '../domain/usage/billable-minutes';
import { insertUsageOnce } from '../domain/usage/insert-usage-once';
import { callUsageKey } from '../domain/usage/usage-keys';
import type { UsageKind } from '../contracts/usage-kind';
import type { TwilioNumbers } from './adapters/twilio-numbers';
import { refusingBadData } from './bad-data';
import { providerCall } from './provider-failure';

export interface MeteringActivityDeps {
  orm: Orm;
  twilio: TwilioNumbers;
}

const SYSTEM = { system: 'metering-worker' } as const;

/** Side effects of call metering; all keyed by the call sid, so repeating any of them changes nothing. */
export function createMeteringActivities(deps: MeteringActivityDeps) {
  const { orm, twilio } = deps;
  return {
    async recordCallStarted(call: CallStart): Promise<void> {
      const startedAt = new Date(call.startedAt);
      await refusingBadData(() =>
        inScope(orm, SYSTEM, async (em) => {
          await em.upsert(
            CallLog,
            {
              tenantId: call.tenantId,
              botId: call.botId,
              provider: 'twilio',
              externalCallId: call.callSid,
              fromNumber: call.from,
              toNumber: call.to,
              status: 'in-progress',
              startedAt,
            },
            { onConflictFields: ['provider', 'externalCallId'], onConflictAction: 'ignore' },
          );
          await insertUsageOnce(em, {
            tenantId: call.tenantId,
            botId: call.botId,
            kind: 'call_started',
            quantity: 1,
            occurredAt: startedAt,
            idempotencyKey: callUsageKey(call.callSid, 'call_started'),
            source: 'twilio',
            callSid: call.callSid,
          });
        }),
      );
    },

    /** Reconciliation: what Twilio itself says became of the call. */
    async fetchCallStatus(callSid: string): Promise<{ status: string; durationSeconds: number | null } | null> {
      const call = await providerCall(() => twilio.fetchCall(callSid));
      return call && { status: call.status, durationSeconds: call.durationSeconds };
    },

    async recordCallOutcome(input: {
      call: CallStart;
      status: string;
      durationSeconds: number | null;
      endedAt: string;
      counters: Record<string, number>;
    }): Promise<{ status: string; minutes: number }> {
      const minutes = input.status === 'completed' ? billableMinutes(input.durationSeconds ?? 0) : 0;
      const occurredAt = new Date(input.call.startedAt);
      const quantities: [UsageKind, number][] = [
        ['minutes', minutes],
        ...Object.entries(input.counters).map(
          ([kind, quantity]) => [kind as UsageKind, quantity] as [UsageKind, number],
        ),
      ];
      await refusingBadData(() =>
        inScope(orm, SYSTEM, async (em) => {
          for (const [kind, quantity] of quantities) {
            if (quantity <= 0) continue;
            await insertUsageOnce(em, {
              tenantId: input.call.tenantId,
              botId: input.call.botId,
              kind,
              quantity,
              occurredAt,
              idempotencyKey: callUsageKey(input.call.callSid, kind),
              source: 'twilio',
              callSid: input.call.callSid,
            });
          }
          await em.nativeUpdate(
            CallLog,
            { provider: 'twilio', externalCallId: input.call.callSid },
            { status: input.status, endedAt: new Date(input.endedAt), durationSeconds: input.durationSeconds },
          );
        }),
      );
      return { status: input.status, minutes };
    },

    /** A call whose metering failed for good is marked, so it shows up for review instead of vanishing. */
    async flagCallMeteringFailed(input: { callSid: string; reason: string }): Promise<void> {
      await inScope(orm, SYSTEM, (em) =>
        em.nativeUpdate(CallLog, { provider: 'twilio', externalCallId: input.callSid }, { status: 'metering_failed' }),
      );
      log.error('call_metering_failed', { callSid: input.callSid, reason: input.reason });
    },
  };
}

export type MeteringActivities = ReturnType<typeof createMeteringActivities>;

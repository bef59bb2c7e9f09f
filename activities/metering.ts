import { log } from '@temporalio/activity';
import type { Orm } from '../db/orm';
import type { SystemActor } from '../domain/auth/actor';
import type { CallStart } from '../domain/telephony/call-status';
import { flagCallMeteringFailed } from '../domain/telephony/flag-call-metering-failed';
import { recordCallOutcome, type CallOutcome } from '../domain/telephony/record-call-outcome';
import { recordCallStarted } from '../domain/telephony/record-call-started';
import type { TwilioNumbers } from './adapters/twilio-numbers';
import { domainCall } from './domain-failure';
import { providerCall } from './provider-failure';

export interface MeteringActivityDeps {
  orm: Orm;
  twilio: TwilioNumbers;
}

const actor: SystemActor = { system: 'metering-worker' };

/** Side effects of call metering; all keyed by the call sid, so repeating any of them changes nothing. */
export function createMeteringActivities(deps: MeteringActivityDeps) {
  const { twilio } = deps;
  return {
    async recordCallStarted(call: CallStart): Promise<void> {
      await domainCall(() => recordCallStarted(deps, { actor, call }));
    },

    /** Reconciliation: what Twilio itself says became of the call. */
    async fetchCallStatus(callSid: string): Promise<{ status: string; durationSeconds: number | null } | null> {
      const call = await providerCall(() => twilio.fetchCall(callSid));
      return call && { status: call.status, durationSeconds: call.durationSeconds };
    },

    async recordCallOutcome(input: CallOutcome): Promise<{ status: string; minutes: number }> {
      return domainCall(() => recordCallOutcome(deps, { actor, outcome: input }));
    },

    /** A call whose metering failed for good is marked, so it shows up for review instead of vanishing. */
    async flagCallMeteringFailed(input: { callSid: string; reason: string }): Promise<void> {
      await domainCall(() => flagCallMeteringFailed(deps, { actor, ...input }));
      log.error('call_metering_failed', { callSid: input.callSid, reason: input.reason });
    },
  };
}

export type MeteringActivities = ReturnType<typeof createMeteringActivities>;

import { CALL_STATUSES, type CallLogStatus, type CallStatus } from '../../contracts/call-status';
import { AppError } from '../errors/app-error';

/**
 * A call log's status, stage by stage. Twilio's status callbacks arrive late, twice and out of order, so a
 * status only ever moves to a later stage: a report of the same or an earlier stage is stale or a duplicate and
 * changes nothing (never an error). The first final status wins; `metering_failed` comes after all of them.
 */
const STAGES: readonly (readonly CallLogStatus[])[] = [
  ['queued'],
  ['initiated'],
  ['ringing'],
  ['in-progress'],
  ['completed', 'busy', 'no-answer', 'failed', 'canceled'],
  ['metering_failed'],
];

const stageOf = (status: CallLogStatus): number => STAGES.findIndex((stage) => stage.includes(status));

/**
 * Every status change a call log may make, by its cause. A call log is created `in-progress` when its workflow
 * starts (the voice webhook: Twilio connected the call), so in practice it moves to a final status or is flagged.
 */
export const CALL_TRANSITIONS = {
  /** Worker: Twilio said so (the call's final status callback, or reconciliation asking Twilio). */
  provider_status: { to: CALL_STATUSES },
  /** Worker: metering gave up on the call (refused data, retries exhausted, or no final status ever came). */
  metering_failed: { to: ['metering_failed'] },
} as const satisfies Record<string, { to: readonly CallLogStatus[] }>;

export type CallTransitionCause = keyof typeof CALL_TRANSITIONS;

/** A status the cause cannot lead to (a provider reporting `metering_failed`): a bug, not a late callback. */
export class InvalidCallTransitionError extends AppError {
  constructor(
    readonly to: CallLogStatus,
    readonly transitionCause: CallTransitionCause,
  ) {
    super('bad_request', `A call's ${transitionCause.replaceAll('_', ' ')} cannot lead to ${to}`);
    this.name = 'InvalidCallTransitionError';
  }
}

export type CallTransition =
  | {
      change: 'apply';
      status: CallLogStatus;
      details: { from: CallLogStatus; to: CallLogStatus; cause: CallTransitionCause };
      /**
       * Only `metering_failed` is audited: it is rare and needs a person, while provider statuses come with every
       * call (the call log and the workflow's history already keep them) and would flood the audit trail.
       */
      audited: boolean;
    }
  | { change: 'ignore'; why: 'duplicate' | 'stale' };

export const isCallStatus = (status: string): status is CallStatus =>
  (CALL_STATUSES as readonly string[]).includes(status);

/** Validates one status report for a call log and says whether it moves the call on. Pure. */
export function transitionCall(from: CallLogStatus, to: CallLogStatus, cause: CallTransitionCause): CallTransition {
  if (!(CALL_TRANSITIONS[cause].to as readonly CallLogStatus[]).includes(to)) {
    throw new InvalidCallTransitionError(to, cause);
  }
  if (from === to) return { change: 'ignore', why: 'duplicate' };
  if (stageOf(to) <= stageOf(from)) return { change: 'ignore', why: 'stale' };
  return { change: 'apply', status: to, details: { from, to, cause }, audited: cause === 'metering_failed' };
}

import type { CallLogStatus } from '../../contracts/call-status';
import type { InitiationFailure } from './conversation-event';

/** ElevenLabs' conversation statuses (`processing`: the call ended, the analysis is still running). */
export type ElevenLabsConversationStatus = 'initiated' | 'in-progress' | 'processing' | 'done' | 'failed';

const BY_ELEVENLABS_STATUS: Record<ElevenLabsConversationStatus, CallLogStatus> = {
  initiated: 'initiated',
  'in-progress': 'in-progress',
  processing: 'in-progress',
  done: 'completed',
  failed: 'failed',
};

export const callLogStatusOf = (status: ElevenLabsConversationStatus): CallLogStatus => BY_ELEVENLABS_STATUS[status];

/** Nothing about a done or failed conversation changes any more; earlier statuses are still under way. */
export const isFinishedConversation = (status: ElevenLabsConversationStatus): boolean =>
  status === 'done' || status === 'failed';

/** busy and no-answer are Twilio's words and the call log's; any other reason is a plain failure. */
export function initiationFailureStatus(reason: string): InitiationFailure['status'] {
  return reason === 'busy' || reason === 'no-answer' ? reason : 'failed';
}

/**
 * How much a status knows: a call log never goes back to an earlier status, and an initiation failure's busy or
 * no-answer says more than the plain `failed` the conversation's details report for the same call.
 */
const RANK: Partial<Record<CallLogStatus, number>> = {
  queued: 0,
  initiated: 0,
  ringing: 0,
  'in-progress': 1,
  completed: 2,
  failed: 2,
  canceled: 2,
  busy: 3,
  'no-answer': 3,
};

export const rankOfStatus = (status: CallLogStatus): number => RANK[status] ?? 0;

/** A call log's status is settled for good: the sync need not hand the conversation over again. */
export const isSettledCallLogStatus = (status: string): boolean => rankOfStatus(status as CallLogStatus) >= 2;

/** Finished and described: a settled status and, for an answered call, its transcript. */
export const hasSettledDetails = (log: { status: string; transcriptText?: string | null }): boolean =>
  isSettledCallLogStatus(log.status) && (log.status !== 'completed' || (log.transcriptText ?? null) !== null);

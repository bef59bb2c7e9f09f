import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  defineQuery,
  defineSignal,
  log,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { ConversationActivities } from '../activities/conversations';
import type { ConversationEvent, ConversationStart } from '../domain/conversations/conversation-event';
import type { ConversationRecord } from '../domain/conversations/merge-call-log';

export const conversationEventSignal = defineSignal<[ConversationEvent]>('conversationEvent');

export interface ConversationState {
  events: ConversationEvent['type'][];
  hasDetails: boolean;
  hasAudio: boolean;
  writes: number;
}
export const conversationStateQuery = defineQuery<ConversationState>('conversationState');

export interface ConversationInput {
  start: ConversationStart;
  /**
   * After the transcription, how long to wait for the audio webhook (or after the audio, for the transcription)
   * before fetching the missing part from ElevenLabs. Minutes in production, a second or two in tests.
   */
  settleMs?: number;
}

export interface ConversationResult {
  /** `not_found`: ElevenLabs has no such conversation and no event said enough to record it. */
  outcome: 'recorded' | 'unchanged' | 'not_found';
  status: string | null;
  hasAudio: boolean;
  writes: number;
}

const DEFAULT_SETTLE_MS = 5 * 60_000;

/** Reads and writes: a database restart or an ElevenLabs outage is ridden out for about a quarter of an hour. */
const activities = proxyActivities<ConversationActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 12 },
});

/**
 * One ElevenLabs conversation (`conversation-<id>`): merges its post-call events (transcription, audio, initiation
 * failure) and the sync's "discovered" in any order, waits a little for the other half of a transcription and its
 * audio, fetches from ElevenLabs whatever is still missing, and writes the call log by a merging upsert. Events
 * that arrive while it works are written by another round; events after it ended start a new run, which reads
 * what is on record first and merges the same way.
 */
export async function conversation(input: ConversationInput): Promise<ConversationResult> {
  const { start } = input;
  const events: ConversationEvent['type'][] = [];
  const known: ConversationRecord = { facts: null, failure: null, audioKey: null };
  let discovered = false;
  let writes = 0;
  let status: string | null = null;
  /** ElevenLabs answered that the conversation has no audio. */
  let audioAbsent = false;
  setHandler(conversationEventSignal, (event) => {
    events.push(event.type);
    if (event.type === 'transcription') known.facts = event.facts;
    else if (event.type === 'audio') known.audioKey = event.audioKey;
    else if (event.type === 'initiation_failure') known.failure = event.failure;
    else discovered = true;
  });

  const onRecord = await activities.conversationOnRecord(start);
  const hasDetails = () => known.facts !== null || known.failure !== null || onRecord.details;
  // A call that never connected, or one ElevenLabs kept no audio of, has no recording to wait for.
  const hasAudio = () =>
    known.audioKey !== null ||
    onRecord.audio ||
    audioAbsent ||
    known.failure !== null ||
    known.facts?.hasAudio === false;
  setHandler(conversationStateQuery, () => ({ events, hasDetails: hasDetails(), hasAudio: hasAudio(), writes }));

  await condition(() => discovered || (hasDetails() && hasAudio()), input.settleMs ?? DEFAULT_SETTLE_MS);

  for (;;) {
    const handled = events.length;
    // Details complete an initiation failure (numbers, start time) but are not needed to record it.
    if (!onRecord.details && !known.facts) {
      const details = await activities.fetchConversationDetails(start).catch((error: unknown) => {
        if (known.failure && error instanceof ActivityFailure) return null;
        throw error;
      });
      if (details) known.facts = details;
      if (!known.facts && !known.failure) {
        log.warn('conversation_not_found', { conversationId: start.conversationId });
        return { outcome: 'not_found', status: null, hasAudio: false, writes };
      }
    }
    let audioFailed: string | null = null;
    if (!hasAudio()) {
      try {
        known.audioKey = await activities.fetchConversationAudio(start);
        audioAbsent = known.audioKey === null;
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        audioFailed = error.cause?.message ?? error.message;
      }
    }
    if (known.facts || known.failure || known.audioKey) {
      const written = await activities.recordConversation({ start, record: { ...known } });
      writes += 1;
      onRecord.details = true;
      onRecord.audio ||= written.hasAudio;
      status = written.status;
    }
    if (audioFailed) {
      // The call log was worth writing without its recording; the run still fails, visibly.
      throw ApplicationFailure.nonRetryable(`The recording could not be fetched: ${audioFailed}`, 'AudioFetchFailed');
    }
    // Events that came while this round ran are merged by another round; none came: done.
    if (events.length === handled) {
      return { outcome: writes > 0 ? 'recorded' : 'unchanged', status, hasAudio: onRecord.audio, writes };
    }
  }
}

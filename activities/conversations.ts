import type { AudioStore } from '../domain/conversations/audio-store';
import { audioKeyFor } from '../domain/conversations/audio-store';
import type { ConversationFacts, ConversationStart } from '../domain/conversations/conversation-event';
import { factsAsKept } from '../domain/conversations/facts-as-kept';
import type { ConversationRecord } from '../domain/conversations/merge-call-log';
import {
  readConversationOnRecord,
  type ConversationOnRecord,
} from '../domain/conversations/read-conversation-on-record';
import { upsertCallLog, type UpsertedCallLog } from '../domain/conversations/upsert-call-log';
import { toConversationFacts } from './conversation-facts';
import { domainCall } from './domain-failure';
import { elevenLabsAccountOf, type ElevenLabsAccountDeps } from './elevenlabs-account';
import { elevenLabsCall } from './elevenlabs-failure';

export interface ConversationActivityDeps extends ElevenLabsAccountDeps {
  audio: AudioStore;
}

type Conversation = Pick<ConversationStart, 'tenantId' | 'conversationId'>;

/**
 * The conversation workflow's steps; each may repeat: fetching only reads, storing audio replaces the same key,
 * the call log upsert merges.
 */
export function createConversationActivities(deps: ConversationActivityDeps) {
  return {
    async conversationOnRecord(conversation: Conversation): Promise<ConversationOnRecord> {
      return domainCall(() => readConversationOnRecord(deps, conversation));
    },

    /** The conversation's details from ElevenLabs, anonymised first when the tenant asks; null when it has none. */
    async fetchConversationDetails({ tenantId, conversationId }: Conversation): Promise<ConversationFacts | null> {
      const account = await elevenLabsAccountOf(deps, tenantId);
      const detail = await elevenLabsCall(() => account.getConversation(conversationId));
      if (!detail) return null;
      return domainCall(() => factsAsKept(deps, { tenantId, facts: toConversationFacts(detail) }));
    },

    /** Downloads the recording into the audio store; its key, or null when the conversation has no audio. */
    async fetchConversationAudio({ tenantId, conversationId }: Conversation): Promise<string | null> {
      const account = await elevenLabsAccountOf(deps, tenantId);
      const audio = await elevenLabsCall(() => account.getConversationAudio(conversationId));
      if (!audio) return null;
      const audioKey = audioKeyFor(tenantId, conversationId);
      await deps.audio.put(audioKey, audio);
      return audioKey;
    },

    async recordConversation(input: {
      start: ConversationStart;
      record: ConversationRecord;
    }): Promise<UpsertedCallLog> {
      return domainCall(() => upsertCallLog(deps, input));
    },
  };
}

export type ConversationActivities = ReturnType<typeof createConversationActivities>;

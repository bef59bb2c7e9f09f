import { ELEVENLABS_CALL_PROVIDER } from '../../contracts/conversation';
import { CallLog } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { hasSettledDetails } from './conversation-status';

/** What a conversation's call log already holds, so a late run fetches and waits only for what is missing. */
export interface ConversationOnRecord {
  /** Finished and described: a settled status and, for an answered call, its transcript. */
  details: boolean;
  audio: boolean;
}

export async function readConversationOnRecord(
  deps: { orm: Orm },
  { tenantId, conversationId }: { tenantId: string; conversationId: string },
): Promise<ConversationOnRecord> {
  const row = await inScope(deps.orm, { tenantId }, (em) =>
    em.findOne(
      CallLog,
      { tenantId, provider: ELEVENLABS_CALL_PROVIDER, externalCallId: conversationId },
      { fields: ['status', 'transcriptText', 'audioKey'] },
    ),
  );
  if (!row) return { details: false, audio: false };
  return {
    details: hasSettledDetails(row),
    audio: row.audioKey !== null,
  };
}

import { ELEVENLABS_CALL_PROVIDER } from '../../contracts/conversation';
import { Agent, CallLog } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { ConversationStart } from './conversation-event';
import {
  isFinishedConversation,
  isSettledCallLogStatus,
  type ElevenLabsConversationStatus,
} from './conversation-status';

/** One entry of ElevenLabs' conversation list, oldest first. */
export interface ListedConversation {
  id: string;
  agentId: string;
  status: ElevenLabsConversationStatus;
  startedAt: string;
}

export interface TriagedPage {
  /** Finished conversations of the tenant's agents without a settled call log: for their workflows. */
  handOver: ConversationStart[];
  /** The watermark may move up to here: every conversation up to it is recorded (or not the tenant's to record). */
  passedUntil: string | null;
  /** Something on this page is not recorded yet, so the watermark stops before it, whatever later pages hold. */
  blocked: boolean;
}

/**
 * Sorts one page of the list: conversations of agents the tenant did not register are not its to record; a
 * finished conversation without a settled call log is handed to its workflow; one still running waits for its
 * webhooks or the next sync. The watermark only passes what is recorded, so nothing handed over is skipped for
 * good should its workflow fail: the next sync lists it again.
 */
export async function triageListedConversations(
  deps: { orm: Orm },
  { tenantId, conversations }: { tenantId: string; conversations: ListedConversation[] },
): Promise<TriagedPage> {
  if (conversations.length === 0) return { handOver: [], passedUntil: null, blocked: false };
  const { agents, settled } = await inScope(deps.orm, { tenantId }, async (em) => {
    const registered = await em.find(
      Agent,
      { tenantId, externalAgentId: { $in: [...new Set(conversations.map((c) => c.agentId))] } },
      { fields: ['id', 'externalAgentId'] },
    );
    const logs = await em.find(
      CallLog,
      {
        tenantId,
        provider: ELEVENLABS_CALL_PROVIDER,
        externalCallId: { $in: conversations.map((c) => c.id) },
      },
      { fields: ['externalCallId', 'status'] },
    );
    return {
      agents: new Map(registered.map((agent) => [agent.externalAgentId, agent.id])),
      settled: new Set(logs.filter((log) => isSettledCallLogStatus(log.status)).map((log) => log.externalCallId)),
    };
  });

  const handOver: ConversationStart[] = [];
  let passedUntil: string | null = null;
  let blocked = false;
  for (const conversation of conversations) {
    const agentId = agents.get(conversation.agentId);
    const recorded = !agentId || settled.has(conversation.id);
    if (agentId && !recorded && isFinishedConversation(conversation.status)) {
      handOver.push({ tenantId, conversationId: conversation.id, agentId });
    }
    if (!recorded) blocked = true;
    if (!blocked) passedUntil = conversation.startedAt;
  }
  return { handOver, passedUntil, blocked };
}

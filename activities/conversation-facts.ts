import type { ConversationFacts } from '../domain/conversations/conversation-event';
import {
  callLogStatusOf,
  initiationFailureStatus,
  isFinishedConversation,
} from '../domain/conversations/conversation-status';
import type { ListedConversation } from '../domain/conversations/triage-listed-conversations';
import type { ConversationDetail, ConversationSummary } from './adapters/elevenlabs-monitoring';

/**
 * A conversation as the adapter reads it (webhook or `GET /conversations/:id`) in the call log's terms. The
 * caller is the other party of the phone leg: the `from` of an inbound call, the `to` of an outbound one.
 */
export function toConversationFacts(detail: ConversationDetail): ConversationFacts {
  const { phoneCall, analysis } = detail;
  const inbound = detail.direction !== 'outbound';
  const caller = phoneCall?.callerNumber || null;
  const agent = phoneCall?.agentNumber || null;
  return {
    agentId: detail.agentId,
    // A call that never connected says why (busy, no-answer), as its initiation failure webhook does.
    status:
      detail.status === 'failed' && detail.failure
        ? initiationFailureStatus(detail.failure.reason ?? '')
        : callLogStatusOf(detail.status),
    finished: isFinishedConversation(detail.status),
    startedAt: detail.startedAt.toISOString(),
    durationSeconds: detail.durationSeconds,
    direction: detail.direction,
    outcome: analysis ? analysis.outcome : null,
    title: analysis?.title || null,
    summary: analysis?.summary || null,
    analysis: analysis && { evaluations: analysis.evaluations, collected: analysis.collected },
    terminationReason: detail.terminationReason,
    failureReason: detail.failure && (detail.failure.reason ?? `error ${detail.failure.code}`),
    language: detail.language,
    cost: detail.cost,
    transcript: detail.transcript.map(({ speaker, text, atSeconds, interrupted }) => ({
      speaker,
      text,
      atSeconds,
      interrupted,
    })),
    fromNumber: inbound ? caller : agent,
    toNumber: inbound ? agent : caller,
    hasAudio: detail.hasAudio,
  };
}

export const toListedConversation = (summary: ConversationSummary): ListedConversation => ({
  id: summary.id,
  agentId: summary.agentId,
  status: summary.status,
  startedAt: summary.startedAt.toISOString(),
});

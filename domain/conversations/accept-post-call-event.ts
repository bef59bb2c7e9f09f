import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordInboundEvent } from '../webhook-inbox/record-inbound-event';
import { anonymiseFacts } from './anonymise';
import { anonymisesCallLogs } from './anonymises-call-logs';
import { audioKeyFor, type AudioStore } from './audio-store';
import type { ConversationEvent } from './conversation-event';
import { findMonitoredAgent } from './find-monitored-agent';
import type { PostCallEvent } from './post-call-event';

export type PostCallOutcome =
  | { outcome: 'accepted' | 'duplicate'; conversationId: string }
  /** The agent is not one this tenant registered: nothing was written anywhere. */
  | { outcome: 'unrouted'; conversationId: string; agentId: string }
  | { outcome: 'ignored'; eventType: string };

/**
 * Takes a verified post-call webhook of the tenant whose URL it reached into the inbox (decision 008), as an event
 * of the conversation's workflow. Only an agent this tenant registered is routed. A recording is stored first and
 * only its key enters the inbox; with anonymised call logs the transcript is masked before it is written.
 */
export async function acceptPostCallEvent(
  deps: { orm: Orm; audio: AudioStore; relayGroup: string },
  { tenantId, event, bodySha256 }: { tenantId: string; event: PostCallEvent; bodySha256: string },
): Promise<PostCallOutcome> {
  if (event.type === 'other') return { outcome: 'ignored', eventType: event.eventType };
  const { conversationId, agentId: externalAgentId } = event;
  const routed = await inScope(deps.orm, { tenantId }, async (em) => {
    const agentId = await findMonitoredAgent(em, { tenantId, externalAgentId });
    // Only a transcript carries what the setting masks; the other events spare the webhook this read.
    const anonymise =
      agentId !== null && event.type === 'post_call_transcription' && (await anonymisesCallLogs(em, tenantId));
    return { agentId, anonymise };
  });
  if (!routed.agentId) return { outcome: 'unrouted', conversationId, agentId: externalAgentId };

  let conversationEvent: ConversationEvent;
  if (event.type === 'post_call_transcription') {
    conversationEvent = { type: 'transcription', facts: routed.anonymise ? anonymiseFacts(event.facts) : event.facts };
  } else if (event.type === 'post_call_audio') {
    const audioKey = audioKeyFor(tenantId, conversationId);
    // Kept before the acknowledgement; a duplicate writes the same bytes to the same key again.
    await deps.audio.put(audioKey, event.audio);
    conversationEvent = { type: 'audio', audioKey };
  } else {
    conversationEvent = { type: 'initiation_failure', failure: event.failure };
  }
  const recorded = await recordInboundEvent(
    { orm: deps.orm, relayGroup: deps.relayGroup },
    {
      provider: 'elevenlabs',
      dedupeKey: `elevenlabs:${event.type}:${conversationId}`,
      subjectKey: `elevenlabs:${conversationId}`,
      tenantId,
      raw: { bodySha256 },
      delivery: {
        kind: 'conversation',
        start: { tenantId, conversationId, agentId: routed.agentId },
        event: conversationEvent,
      },
    },
  );
  return { outcome: recorded ? 'accepted' : 'duplicate', conversationId };
}

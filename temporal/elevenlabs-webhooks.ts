import { verifyElevenLabsSignature, type SignatureCheck } from '../activities/adapters/elevenlabs-signature';
import { InvalidPostCallEventError, readPostCallEvent } from '../activities/adapters/elevenlabs-webhook-events';
import { toConversationFacts } from '../activities/conversation-facts';
import { initiationFailureStatus } from '../domain/conversations/conversation-status';
import type { PostCallEvent } from '../domain/conversations/post-call-event';
import { AppError } from '../domain/errors/app-error';

// The API checks and reads post-call webhooks with the adapter, which it may not import (the dependency map keeps
// it to temporal/, domain/ and below); this module hands both over in the domain's terms, as the Stripe verifier.

/** `ElevenLabs-Signature` against the tenant's webhook secret, `toleranceMs` either way of `now`. */
export const checkPostCallSignature = (
  rawBody: string | Buffer,
  header: string | undefined,
  secret: string,
  { now, toleranceMs }: { now: Date; toleranceMs: number },
): SignatureCheck => verifyElevenLabsSignature(rawBody, header, secret, now, Math.floor(toleranceMs / 1000));

/** ElevenLabs' ids (`conv_…`, `agent_…`); anything else would become a workflow id and a file name. */
const ELEVENLABS_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** A verified body as a domain event; one that is not a readable post-call event is a 400. */
export function readPostCallWebhook(rawBody: string | Buffer): PostCallEvent {
  try {
    const event = toDomainEvent(readPostCallEvent(rawBody));
    if (event.type !== 'other' && !(ELEVENLABS_ID.test(event.conversationId) && ELEVENLABS_ID.test(event.agentId))) {
      throw new InvalidPostCallEventError('conversation_id and agent_id must be ElevenLabs ids');
    }
    return event;
  } catch (error) {
    // RangeError: a time outside what a Date holds (`event_timestamp: 1e20`).
    if (error instanceof InvalidPostCallEventError || error instanceof RangeError) {
      throw new AppError('bad_request', `Not a readable post-call event: ${error.message}`);
    }
    throw error;
  }
}

function toDomainEvent(event: ReturnType<typeof readPostCallEvent>): PostCallEvent {
  switch (event.type) {
    case 'post_call_transcription':
      return {
        type: event.type,
        conversationId: event.conversation.id,
        agentId: event.conversation.agentId,
        facts: toConversationFacts(event.conversation),
      };
    case 'post_call_audio':
      return { type: event.type, conversationId: event.conversationId, agentId: event.agentId, audio: event.audio };
    case 'call_initiation_failure':
      return {
        type: event.type,
        conversationId: event.conversationId,
        agentId: event.agentId,
        failure: {
          status: initiationFailureStatus(event.reason),
          reason: event.reason,
          at: event.eventAt.toISOString(),
        },
      };
    default:
      return { type: 'other', eventType: event.eventType };
  }
}

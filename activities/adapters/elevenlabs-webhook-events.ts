import { GetConversationResponseModel } from '@elevenlabs/elevenlabs-js/serialization';
import type { ConversationDetail } from './elevenlabs-monitoring';
import { toConversationDetail } from './elevenlabs-objects';

/** A post-call webhook in the platform's terms; read it only after `verifyElevenLabsSignature` accepted it. */
export type PostCallEvent =
  | { type: 'post_call_transcription'; eventAt: Date; conversation: ConversationDetail }
  | { type: 'post_call_audio'; eventAt: Date; conversationId: string; agentId: string; audio: Uint8Array }
  | {
      type: 'call_initiation_failure';
      eventAt: Date;
      conversationId: string;
      agentId: string;
      /** busy, no-answer or unknown. */
      reason: string;
      /** twilio or sip, when ElevenLabs says which telephony leg failed. */
      telephony: string | null;
      sipStatusCode: number | null;
    }
  | { type: 'other'; eventType: string };

/** A signed body that is not a post-call event we can read: answer it 400, it will not read better later. */
export class InvalidPostCallEventError extends Error {
  override readonly name = 'InvalidPostCallEventError';
}

const text = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value === '') throw new InvalidPostCallEventError(`${field} is missing`);
  return value;
};

function sipStatusOf(metadata: { type?: unknown; body?: Record<string, unknown> } | undefined): number | null {
  const code = metadata?.body?.SipResponseCode ?? metadata?.body?.sip_status_code;
  const parsed = Number(code);
  return code === undefined || code === null || !Number.isInteger(parsed) ? null : parsed;
}

/** Reads `{ type, event_timestamp, data }`; the transcription's `data` has the shape of `GET /conversations/:id`. */
export function readPostCallEvent(rawBody: string | Buffer): PostCallEvent {
  let body: { type?: unknown; event_timestamp?: unknown; data?: Record<string, unknown> };
  try {
    body = JSON.parse(rawBody.toString()) as typeof body;
  } catch {
    throw new InvalidPostCallEventError('The body is not JSON');
  }
  const type = text(body?.type, 'type');
  const seconds = Number(body.event_timestamp);
  if (!Number.isFinite(seconds)) throw new InvalidPostCallEventError('event_timestamp is missing');
  const eventAt = new Date(seconds * 1000);
  const data = body.data ?? {};

  switch (type) {
    case 'post_call_transcription': {
      const parsed = GetConversationResponseModel.parse(data, {
        unrecognizedObjectKeys: 'passthrough',
        allowUnrecognizedUnionMembers: true,
        allowUnrecognizedEnumValues: true,
      });
      if (!parsed.ok) {
        const [first] = parsed.errors;
        throw new InvalidPostCallEventError(`data.${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`);
      }
      return { type, eventAt, conversation: toConversationDetail(parsed.value) };
    }
    case 'post_call_audio':
      return {
        type,
        eventAt,
        conversationId: text(data.conversation_id, 'data.conversation_id'),
        agentId: text(data.agent_id, 'data.agent_id'),
        audio: new Uint8Array(Buffer.from(text(data.full_audio, 'data.full_audio'), 'base64')),
      };
    case 'call_initiation_failure': {
      const metadata = data.metadata as { type?: unknown; body?: Record<string, unknown> } | undefined;
      return {
        type,
        eventAt,
        conversationId: text(data.conversation_id, 'data.conversation_id'),
        agentId: text(data.agent_id, 'data.agent_id'),
        reason: typeof data.failure_reason === 'string' ? data.failure_reason : 'unknown',
        telephony: typeof metadata?.type === 'string' ? metadata.type : null,
        sipStatusCode: sipStatusOf(metadata),
      };
    }
    default:
      return { type: 'other', eventType: type };
  }
}

import { createHmac } from 'node:crypto';
import { silentMp3 } from './mp3';
import { renderConversation } from './render';
import type { ElevenLabsConversation, WebhookType } from './state';

/** ElevenLabs' scheme: `t=<unix seconds>,v0=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the webhook secret>`. */
export function elevenLabsSignature(
  payload: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return `t=${timestamp},v0=${createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex')}`;
}

/** The status callback Twilio sent ElevenLabs for a call that never connected, passed on as `metadata.body`. */
function twilioFailureBody(conversation: ElevenLabsConversation, endedAt: number) {
  const { phoneCall, initiationFailure } = conversation;
  return {
    AccountSid: `AC${'0'.repeat(32)}`,
    ApiVersion: '2010-04-01',
    CallSid: phoneCall.callSid,
    CallStatus: initiationFailure?.reason === 'unknown' ? 'failed' : initiationFailure?.reason,
    CallbackSource: 'call-progress-events',
    Called: phoneCall.externalNumber,
    Caller: phoneCall.agentNumber,
    CallDuration: '0',
    Direction: 'outbound-api',
    From: phoneCall.agentNumber,
    To: phoneCall.externalNumber,
    SequenceNumber: '0',
    SipResponseCode: String(initiationFailure?.sipStatusCode ?? 500),
    Timestamp: new Date(endedAt * 1000).toUTCString(),
  };
}

/** A webhook's JSON body, shaped as ElevenLabs sends it (`type`, `event_timestamp`, `data`). */
export function webhookBody(type: WebhookType, conversation: ElevenLabsConversation, agentName: string | null) {
  const endedAt = conversation.startUnix + conversation.durationSecs;
  const event = (data: object) => JSON.stringify({ type, event_timestamp: endedAt, data });
  switch (type) {
    case 'post_call_transcription':
      return event(renderConversation(conversation, agentName));
    case 'post_call_audio':
      return event({
        agent_id: conversation.agentId,
        conversation_id: conversation.id,
        full_audio: silentMp3(conversation.durationSecs, conversation.id).toString('base64'),
      });
    case 'call_initiation_failure':
      return event({
        agent_id: conversation.agentId,
        conversation_id: conversation.id,
        failure_reason: conversation.initiationFailure?.reason ?? 'unknown',
        metadata: { type: 'twilio', body: twilioFailureBody(conversation, endedAt) },
      });
  }
}

/** Audio webhooks arrive with `transfer-encoding: chunked`, as ElevenLabs streams them. */
function chunked(body: string): ReadableStream<Uint8Array> {
  const bytes = Buffer.from(body);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
      offset += 64 * 1024;
    },
  });
}

/** One POST, signed at send time; the receiver's status, or 0 when nothing answered within 10 s. */
export async function postWebhook(
  url: string,
  body: string,
  secret: string,
  options: { chunked: boolean },
): Promise<{ httpStatus: number; ms: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'elevenlabs-signature': elevenLabsSignature(body, secret) },
      ...(options.chunked ? { body: chunked(body), duplex: 'half' as const } : { body }),
      signal: AbortSignal.timeout(10_000),
    });
    await response.body?.cancel();
    return { httpStatus: response.status, ms: performance.now() - started };
  } catch {
    return { httpStatus: 0, ms: performance.now() - started };
  }
}

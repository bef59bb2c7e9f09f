import { createHmac } from 'node:crypto';
import { sameSecret } from '../auth/csrf-token';

/** A stream starts seconds after its TwiML is fetched; the token outlives that with room for Twilio's queues. */
export const MEDIA_STREAM_TOKEN_TTL_MS = 10 * 60_000;

/** The key that signs media-stream tokens derives from the platform secret, so nothing extra is stored. */
export const mediaStreamKey = (platformSecret: string): string =>
  createHmac('sha256', `media-stream:${platformSecret}`).update('v1').digest('hex');

export interface MediaStreamClaim {
  callSid: string;
  botId: string;
}

const mac = (key: string, claim: MediaStreamClaim, expiresAt: number): string =>
  createHmac('sha256', key).update(`${claim.callSid}:${claim.botId}:${expiresAt}`).digest('hex');

/**
 * A token for one call's media stream, sent to Twilio as a `<Parameter>` of the `<Stream>`: Twilio hands it back in
 * the stream's `start` message, so only a stream the platform itself connected can carry audio in.
 */
export function signMediaStream(key: string, claim: MediaStreamClaim, now = Date.now()): string {
  const expiresAt = now + MEDIA_STREAM_TOKEN_TTL_MS;
  return `${expiresAt}.${mac(key, claim, expiresAt)}`;
}

export function verifyMediaStream(key: string, token: unknown, claim: MediaStreamClaim, now = Date.now()): boolean {
  if (typeof token !== 'string') return false;
  const match = /^(\d{13})\.([0-9a-f]{64})$/.exec(token);
  if (!match || Number(match[1]) < now) return false;
  return sameSecret(mac(key, claim, Number(match[1])), match[2]!);
}

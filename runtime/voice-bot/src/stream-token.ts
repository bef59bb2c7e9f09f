import { createHmac, timingSafeEqual } from 'node:crypto';
import { BOT_STREAM_TOKEN_TTL_MS, botStreamTokenPayload } from '../../../contracts/voice-bot-runtime';

const mac = (secret: string, callSid: string, expiresAt: number): string =>
  createHmac('sha256', secret).update(botStreamTokenPayload(callSid, expiresAt)).digest('hex');

/** The platform signs the same way (domain/telephony/bot-stream-token.ts); here for tests and tools. */
export function signBotStreamToken(secret: string, callSid: string, now = Date.now()): string {
  const expiresAt = now + BOT_STREAM_TOKEN_TTL_MS;
  return `${expiresAt}.${mac(secret, callSid, expiresAt)}`;
}

/**
 * Whether `token` is this bot's live token for `callSid`: the platform put it into the call's TwiML as a
 * `<Stream>` `<Parameter>`, and Twilio hands it back in the stream's `start` message. Compared in constant time.
 */
export function verifyBotStreamToken(secret: string, callSid: string, token: unknown, now = Date.now()): boolean {
  if (typeof token !== 'string' || !callSid) return false;
  const match = /^(\d{13})\.([0-9a-f]{64})$/.exec(token);
  if (!match) return false;
  const expiresAt = Number(match[1]);
  if (expiresAt < now || expiresAt > now + BOT_STREAM_TOKEN_TTL_MS) return false;
  const expected = Buffer.from(mac(secret, callSid, expiresAt), 'hex');
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

/** Remembers the tokens already used until they expire, so one call's token opens one stream. */
export function createUsedTokens(now = () => Date.now()) {
  const used = new Map<string, number>();
  return {
    claim(token: string): boolean {
      const at = now();
      for (const [seen, expiresAt] of used) if (expiresAt < at) used.delete(seen);
      if (used.has(token)) return false;
      used.set(token, at + BOT_STREAM_TOKEN_TTL_MS);
      return true;
    },
  };
}

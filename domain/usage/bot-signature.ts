import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a signed bot request stays valid, against replays. */
export const BOT_SIGNATURE_TOLERANCE_MS = 5 * 60_000;

/** Each bot's signing secret derives from the platform secret, so nothing extra is stored; it reaches the bot as a config var. */
export const botSigningSecret = (platformSecret: string, botId: string): string =>
  createHmac('sha256', `bot-signing:${platformSecret}`).update(botId).digest('hex');

export const signBotRequest = (secret: string, timestamp: string, rawBody: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');

export function verifyBotRequest(
  secret: string,
  input: { timestamp: string | undefined; signature: string | undefined; rawBody: string },
  now = Date.now(),
): boolean {
  const { timestamp, signature, rawBody } = input;
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now - Number(timestamp)) > BOT_SIGNATURE_TOLERANCE_MS) return false;
  const expected = Buffer.from(signBotRequest(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

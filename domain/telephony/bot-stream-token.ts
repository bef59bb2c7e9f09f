import { createHmac } from 'node:crypto';
import { BOT_STREAM_TOKEN_TTL_MS, botStreamTokenPayload } from '../../contracts/voice-bot-runtime';

/**
 * A call's token for its bot: signed with the bot's own secret (BOT_SIGNING_SECRET), so the voice-bot runtime can
 * check that a media stream carries a call the platform connected to it, and no other bot's secret opens it.
 */
export function signBotStreamToken(botSecret: string, callSid: string, now = Date.now()): string {
  const expiresAt = now + BOT_STREAM_TOKEN_TTL_MS;
  const mac = createHmac('sha256', botSecret).update(botStreamTokenPayload(callSid, expiresAt)).digest('hex');
  return `${expiresAt}.${mac}`;
}

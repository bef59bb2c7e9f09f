import { z } from 'zod';

/**
 * What the platform and the voice-bot runtime (`runtime/voice-bot/`) agree on: the `<Parameter>`s of a call's
 * `<Stream>`, the bytes its per-bot stream token signs, and the runtime's `GET /health` answer.
 */
export const BOT_STREAM_PARAMETERS = ['botId', 'callSid', 'botToken'] as const;

/** The runtime's Twilio Media Streams WebSocket, relative to the app's web URL: TwiML streams to `<app>media-stream`. */
export const BOT_MEDIA_STREAM_PATH = 'media-stream';

/** A bot's stream token is `<expiresAt>.<hex HMAC-SHA256 of this string with the bot's BOT_SIGNING_SECRET>`. */
export const botStreamTokenPayload = (callSid: string, expiresAt: number): string =>
  `media-stream:${callSid}:${expiresAt}`;

/** How long a bot's stream token is accepted: a stream opens seconds after its TwiML was fetched. */
export const BOT_STREAM_TOKEN_TTL_MS = 10 * 60_000;

export const VOICE_BOT_ADAPTERS = {
  stt: ['mock', 'google'],
  tts: ['mock', 'elevenlabs'],
  llm: ['mock', 'openai'],
} as const;

/** The runtime's health: who it is and what it runs, never a secret. */
export const VoiceBotHealth = z.strictObject({
  status: z.literal('ok'),
  service: z.literal('voiceplane-voice-bot'),
  botId: z.string().nullable(),
  tenantId: z.string().nullable(),
  role: z.string().nullable(),
  promptVersion: z.string().nullable(),
  adapters: z.strictObject({
    stt: z.enum(VOICE_BOT_ADAPTERS.stt),
    tts: z.enum(VOICE_BOT_ADAPTERS.tts),
    llm: z.enum(VOICE_BOT_ADAPTERS.llm),
  }),
  activeCalls: z.number().int().nonnegative(),
});
export type VoiceBotHealth = z.infer<typeof VoiceBotHealth>;

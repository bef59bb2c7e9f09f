import { z } from 'zod';
import { VOICE_BOT_ADAPTERS } from '../../../contracts/voice-bot-runtime';

const optional = z
  .string()
  .optional()
  .transform((value) => (value ? value : null));

/** The config vars provisioning and the prompt rollout set on the bot's app, plus the adapter selection. */
const BotEnv = z.object({
  BOT_ID: optional,
  TENANT_ID: optional,
  BOT_SIGNING_SECRET: optional,
  PLATFORM_CALLBACK_URL: optional,
  BOT_PROMPT: optional,
  BOT_GREETING: optional,
  BOT_ROLE: optional,
  BOT_PROMPT_VERSION: optional,
  BOT_LOCALE: z.string().min(2).default('de-AT'),
  BOT_VOICE: z.string().default('elevenlabs:Rachel'),
  STT_PROVIDER: z.enum(VOICE_BOT_ADAPTERS.stt).default('mock'),
  TTS_PROVIDER: z.enum(VOICE_BOT_ADAPTERS.tts).default('mock'),
  LLM_PROVIDER: z.enum(VOICE_BOT_ADAPTERS.llm).default('mock'),
  GOOGLE_API_KEY: optional,
  ELEVENLABS_API_KEY: optional,
  ELEVENLABS_MODEL: z.string().default('eleven_flash_v2_5'),
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: z.url().default('https://api.openai.com/v1'),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
});

export type BotConfig = ReturnType<typeof readBotConfig>;

const NEEDS_KEY = [
  ['STT_PROVIDER', 'google', 'GOOGLE_API_KEY'],
  ['TTS_PROVIDER', 'elevenlabs', 'ELEVENLABS_API_KEY'],
  ['LLM_PROVIDER', 'openai', 'OPENAI_API_KEY'],
] as const;

/**
 * Reads the bot's config from its environment. Read again for every call and health check, so a config var the
 * platform changes (a prompt rollout) applies to the next call. Throws with the variable names only, never values.
 */
export function readBotConfig(env: Record<string, string | undefined>) {
  const parsed = BotEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid bot config: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
  }
  const vars = parsed.data;
  const missing = NEEDS_KEY.filter(([selector, provider, key]) => vars[selector] === provider && !vars[key]);
  if (missing.length > 0) {
    throw new Error(`Invalid bot config: ${missing.map(([selector, , key]) => `${selector} needs ${key}`).join(', ')}`);
  }
  return {
    botId: vars.BOT_ID,
    tenantId: vars.TENANT_ID,
    signingSecret: vars.BOT_SIGNING_SECRET,
    usageUrl: vars.PLATFORM_CALLBACK_URL,
    prompt: vars.BOT_PROMPT ?? 'You are a helpful, concise phone assistant.',
    greeting: vars.BOT_GREETING,
    role: vars.BOT_ROLE,
    promptVersion: vars.BOT_PROMPT_VERSION,
    language: vars.BOT_LOCALE,
    voice: vars.BOT_VOICE.replace(/^elevenlabs:/, ''),
    adapters: { stt: vars.STT_PROVIDER, tts: vars.TTS_PROVIDER, llm: vars.LLM_PROVIDER },
    keys: { google: vars.GOOGLE_API_KEY, elevenLabs: vars.ELEVENLABS_API_KEY, openAi: vars.OPENAI_API_KEY },
    elevenLabsModel: vars.ELEVENLABS_MODEL,
    openAi: { baseUrl: vars.OPENAI_BASE_URL.replace(/\/+$/, ''), model: vars.OPENAI_MODEL },
  };
}

export const USAGE_KINDS = ['call_started', 'minutes', 'stt_requests', 'tts_chars', 'gpt_tokens'] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

/** What a bot reports itself after a call (Twilio's callbacks give the minutes and the call). */
export const BOT_COUNTER_KINDS = ['stt_requests', 'tts_chars', 'gpt_tokens'] as const satisfies readonly UsageKind[];
export type BotCounterKind = (typeof BOT_COUNTER_KINDS)[number];

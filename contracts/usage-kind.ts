export const USAGE_KINDS = ['call_started', 'minutes', 'stt_requests', 'tts_chars', 'gpt_tokens'] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

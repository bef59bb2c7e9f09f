/**
 * The locales a bot's prompt can be written in: the German and English entries of the locale list bots are created
 * with (web/app/lib/bot-options.ts); the prompt templates exist in those two languages.
 */
export const PROMPT_LOCALES = ['de-AT', 'de-DE', 'de-CH', 'en-US', 'en-GB'] as const;
export type PromptLocale = (typeof PROMPT_LOCALES)[number];

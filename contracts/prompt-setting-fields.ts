/**
 * The names of a tenant's prompt settings, in the order the portal shows them; the prompt templates' placeholders
 * carry the same names. No zod here, so the browser may take these values: `prompt-config.ts` builds the settings
 * schema from them.
 */
export const PROMPT_SETTING_KEYS = [
  'businessName',
  'businessShortName',
  'agentName',
  'locale',
  'timeZone',
  'emergencyNumber',
  'address',
  'pricesText',
  'retentionRules',
  'disclaimer',
  'personaBio',
] as const;
export type PromptSettingKey = (typeof PROMPT_SETTING_KEYS)[number];

/** The longest each free-text setting may be (after trimming): the schema's bound and the form's `maxLength`. */
export const PROMPT_TEXT_MAX_LENGTHS = {
  businessName: 120,
  businessShortName: 60,
  agentName: 40,
  address: 300,
  pricesText: 4000,
  retentionRules: 4000,
  disclaimer: 2000,
  personaBio: 2000,
} as const satisfies Partial<Record<PromptSettingKey, number>>;

import type { PromptSettings } from '@contracts/prompt-config';

/** The form's fields: one per setting, named as the API names them. */
export const SETTING_FIELDS = [
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
] as const satisfies ReadonlyArray<keyof PromptSettings>;

export type SettingField = (typeof SETTING_FIELDS)[number];

import { PROMPT_SETTING_KEYS, PROMPT_TEXT_MAX_LENGTHS, type PromptSettingKey } from '@contracts/prompt-setting-fields';

/** How the form shows one setting: a one-line input, the language choice, or a text area (below the others). */
export interface SettingInput {
  name: PromptSettingKey;
  label: string;
  control: 'text' | 'select' | 'textarea';
  required?: boolean;
  maxLength?: number;
  rows?: number;
  hint?: string;
}

const INPUTS: Record<PromptSettingKey, Omit<SettingInput, 'name'>> = {
  businessName: { label: 'Business name', control: 'text', required: true },
  businessShortName: { label: 'Short name', control: 'text', required: true, hint: 'What callers call it.' },
  agentName: { label: 'Agent name', control: 'text', required: true },
  locale: { label: 'Language', control: 'select' },
  timeZone: {
    label: 'Time zone',
    control: 'text',
    required: true,
    maxLength: 64,
    hint: 'An IANA time zone, e.g. Europe/Vienna.',
  },
  emergencyNumber: {
    label: 'Emergency number',
    control: 'text',
    required: true,
    maxLength: 16,
    hint: '112, 911, … or a full number such as +4315550100.',
  },
  address: { label: 'Address', control: 'textarea', rows: 2 },
  pricesText: { label: 'Prices and memberships', control: 'textarea' },
  retentionRules: {
    label: 'Retention rules',
    control: 'textarea',
    hint: 'What may be offered to a caller who wants to cancel.',
  },
  disclaimer: {
    label: 'Disclaimer',
    control: 'textarea',
    rows: 2,
    hint: 'Said before anything about health or safety.',
  },
  personaBio: { label: 'Persona', control: 'textarea', rows: 3, hint: 'Who the agent is and how it speaks.' },
};

const TEXT_MAX: Partial<Record<PromptSettingKey, number>> = PROMPT_TEXT_MAX_LENGTHS;

/** The form's inputs in the settings' order; the texts are bounded as the API bounds them. */
export const SETTING_INPUTS: SettingInput[] = PROMPT_SETTING_KEYS.map((name) => ({
  name,
  ...INPUTS[name],
  ...(TEXT_MAX[name] ? { maxLength: TEXT_MAX[name] } : {}),
}));

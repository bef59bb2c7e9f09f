import type { PromptSettings } from '@contracts/prompt-config';
import { PROMPT_SETTING_KEYS } from '@contracts/prompt-setting-fields';
import { text } from '~/lib/forms.server';

/** The settings as the form sent them; the API checks them (bounds, time zone, number) and names what is wrong. */
export const settingsFrom = (form: FormData): PromptSettings =>
  Object.fromEntries(PROMPT_SETTING_KEYS.map((field) => [field, text(form, field)])) as PromptSettings;

import type { PromptSettings } from '@contracts/prompt-config';
import { text } from '~/lib/forms.server';

import { SETTING_FIELDS } from './settings-fields';

/** The settings as the form sent them; the API checks them (bounds, time zone, number) and names what is wrong. */
export const settingsFrom = (form: FormData): PromptSettings =>
  Object.fromEntries(SETTING_FIELDS.map((field) => [field, text(form, field)])) as PromptSettings;

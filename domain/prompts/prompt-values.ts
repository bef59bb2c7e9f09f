import type { PromptLocale, PromptSettings } from '../../contracts/prompt-config';
import { PROMPT_SETTING_KEYS, type PromptSettingKey } from '../../contracts/prompt-setting-fields';
import type { PromptLanguage } from './templates';

/** The placeholders templates may use: one per setting, named as the setting. */
export const PROMPT_PLACEHOLDERS = PROMPT_SETTING_KEYS;
export type PromptPlaceholder = PromptSettingKey;

export const languageOf = (locale: PromptLocale): PromptLanguage => (locale.startsWith('de') ? 'de' : 'en');

/** What an agent is told where the tenant left a text empty: never to guess. */
const WHEN_EMPTY: Record<PromptLanguage, Partial<Record<PromptPlaceholder, string>>> = {
  de: {
    address: 'nicht hinterlegt – rate nicht, biete einen Rückruf an.',
    pricesText: 'Es sind keine Preise hinterlegt. Nenne keine Preise, biete einen Rückruf an.',
    retentionRules: 'Es sind keine Angebote hinterlegt. Nimm den Wunsch auf und sag einen Rückruf des Teams zu.',
    disclaimer: 'Ich bin eine digitale Assistenz und kann keine medizinische Beratung geben.',
    personaBio: 'Du bist freundlich, ruhig und hilfsbereit.',
  },
  en: {
    address: 'not on record – do not guess, offer a callback.',
    pricesText: 'No prices are on record. Do not quote any; offer a callback.',
    retentionRules: 'No offers are on record. Note the request and promise a callback from the team.',
    disclaimer: 'I am a virtual assistant and cannot give medical advice.',
    personaBio: 'You are friendly, calm and helpful.',
  },
};

/** The value of every placeholder for a tenant's settings, in the templates' language. */
export function promptValues(settings: PromptSettings): Record<PromptPlaceholder, string> {
  const fallback = WHEN_EMPTY[languageOf(settings.locale)];
  return Object.fromEntries(
    PROMPT_PLACEHOLDERS.map((name) => [name, settings[name] === '' ? (fallback[name] ?? '') : settings[name]]),
  ) as Record<PromptPlaceholder, string>;
}

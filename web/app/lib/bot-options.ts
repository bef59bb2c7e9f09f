/** Choices offered for a bot's language and voice (the API accepts any BCP 47 locale and voice id). */
export const LOCALES: Array<{ value: string; label: string }> = [
  { value: 'de-AT', label: 'German (Austria)' },
  { value: 'de-DE', label: 'German (Germany)' },
  { value: 'de-CH', label: 'German (Switzerland)' },
  { value: 'en-US', label: 'English (United States)' },
  { value: 'en-GB', label: 'English (United Kingdom)' },
  { value: 'fr-FR', label: 'French (France)' },
  { value: 'it-IT', label: 'Italian (Italy)' },
  { value: 'es-ES', label: 'Spanish (Spain)' },
  { value: 'nl-NL', label: 'Dutch (Netherlands)' },
];

export const VOICES: Array<{ value: string; label: string }> = [
  { value: 'elevenlabs:Rachel', label: 'Rachel — calm, warm (ElevenLabs)' },
  { value: 'elevenlabs:Adam', label: 'Adam — deep, confident (ElevenLabs)' },
  { value: 'elevenlabs:Bella', label: 'Bella — soft, friendly (ElevenLabs)' },
  { value: 'elevenlabs:Antoni', label: 'Antoni — well-rounded (ElevenLabs)' },
  { value: 'elevenlabs:Domi', label: 'Domi — strong, clear (ElevenLabs)' },
];

/** The option list, with the current value added if it is not one of the usual ones. */
export function withCurrent(options: Array<{ value: string; label: string }>, current: string | undefined) {
  return current && !options.some((o) => o.value === current)
    ? [{ value: current, label: current }, ...options]
    : options;
}

export const labelOf = (options: Array<{ value: string; label: string }>, value: string) =>
  options.find((o) => o.value === value)?.label ?? value;

import type { JobKind } from '../../contracts/provisioning-job';

export const provisioningWorkflowId = (kind: JobKind, botId: string, jobId: string): string =>
  kind === 'provision'
    ? `provision-bot-${botId}`
    : kind === 'rotate_number'
      ? `rotate-number-${botId}-${jobId}`
      : `deprovision-bot-${botId}`;

/** Heroku app names: at most 30 characters, lowercase, starting with a letter; derived from the bot id. */
export const herokuAppNameFor = (botId: string): string => `vp-${botId.replace(/-/g, '').slice(0, 24)}`;

/** Twilio numbers carry the bot in their friendly name, so a retry can find a number bought before a crash. */
export const numberFriendlyNameFor = (botId: string, jobId?: string): string =>
  jobId ? `vp-bot-${botId}-job-${jobId}` : `vp-bot-${botId}`;

/** ISO country of a BCP 47 locale such as `de-AT`; falls back to the language's usual country. */
export function countryOfLocale(locale: string): string {
  const region = locale.split(/[-_]/)[1];
  if (region && /^[A-Za-z]{2}$/.test(region)) return region.toUpperCase();
  const byLanguage: Record<string, string> = { de: 'DE', en: 'US', fr: 'FR', it: 'IT', es: 'ES', nl: 'NL' };
  return byLanguage[locale.slice(0, 2).toLowerCase()] ?? 'US';
}

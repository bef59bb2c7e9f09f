/** The provisioning saga's steps in order, with the labels people see. */
export const PROVISION_STEPS = [
  { name: 'create_app', label: 'Create Heroku app from the voice-bot template' },
  { name: 'set_config', label: 'Set config vars' },
  { name: 'scale_formation', label: 'Scale the web dyno up' },
  { name: 'buy_number', label: 'Buy a Twilio number' },
  { name: 'configure_webhooks', label: 'Point the number’s webhooks at the platform' },
  { name: 'health_check', label: 'Wait until the app is healthy' },
  { name: 'mark_ready', label: 'Mark the bot ready' },
] as const;

export const ROTATE_STEPS = [
  { name: 'buy_number', label: 'Buy a new Twilio number' },
  { name: 'configure_webhooks', label: 'Point the new number’s webhooks at the platform' },
  { name: 'verify_number', label: 'Verify the new number' },
  { name: 'switch_number', label: 'Switch the bot to the new number' },
  { name: 'release_old_number', label: 'Release the old number' },
] as const;

export const DEPROVISION_STEPS = [
  { name: 'release_number', label: 'Release the Twilio number' },
  { name: 'delete_app', label: 'Delete the Heroku app' },
  { name: 'mark_deprovisioned', label: 'Mark the bot deprovisioned' },
] as const;

export type ProvisioningKind = 'provision' | 'rotate_number' | 'deprovision';

export const provisioningWorkflowId = (kind: ProvisioningKind, botId: string, jobId: string): string =>
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

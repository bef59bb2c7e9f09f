import { PROMPT_LOCALES, TimeZone, type PromptLocale, type PromptSettings } from '../../contracts/prompt-config';
import { PROMPT_TEXT_MAX_LENGTHS as MAX } from '../../contracts/prompt-setting-fields';

/** Legal forms callers leave out: "Example Fitness GmbH" is "Example Fitness" on the phone. */
const LEGAL_FORM = /[\s,]+(GmbH\s*&\s*Co\.?\s*KG|GmbH|AG|KG|OG|SE|UG|e\.\s?U\.|e\.\s?V\.|Ltd\.?|LLC|Inc\.?|plc)$/i;

/** The agent's name until the tenant picks one: a product default, the same for every tenant. */
const DEFAULT_AGENT_NAME = 'Mia';

const oneLine = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max).trim();

/**
 * A tenant's prompt settings before it saved any: named after the tenant itself, in its locale and time zone
 * (tenant_settings), with the public emergency number of its region. Nothing here names any particular tenant.
 */
export function defaultPromptSettings(tenant: { name: string; locale: string; timeZone: string }): PromptSettings {
  const businessName = oneLine(tenant.name, MAX.businessName);
  const locale: PromptLocale = (PROMPT_LOCALES as readonly string[]).includes(tenant.locale)
    ? (tenant.locale as PromptLocale)
    : 'en-GB';
  return {
    businessName,
    businessShortName:
      oneLine(businessName.replace(LEGAL_FORM, ''), MAX.businessShortName) ||
      oneLine(businessName, MAX.businessShortName),
    agentName: DEFAULT_AGENT_NAME,
    locale,
    timeZone: TimeZone.safeParse(tenant.timeZone).success ? tenant.timeZone : 'UTC',
    emergencyNumber: locale === 'en-US' ? '911' : '112',
    address: '',
    pricesText: '',
    retentionRules: '',
    disclaimer: '',
    personaBio: '',
  };
}

import type { PromptSettings } from '../../contracts/prompt-config';
import { PromptConfig, Tenant, TenantSettings } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { notFound } from '../errors/app-error';
import { defaultPromptSettings } from './prompt-defaults';

export interface StoredPromptSettings {
  settings: PromptSettings;
  saved: boolean;
  /** 0 while nothing is saved. */
  version: number;
  updatedAt: Date | null;
}

const settingsOf = (row: PromptConfig): PromptSettings => ({
  businessName: row.businessName,
  businessShortName: row.businessShortName,
  agentName: row.agentName,
  locale: row.locale,
  timeZone: row.timeZone,
  emergencyNumber: row.emergencyNumber,
  address: row.address,
  pricesText: row.pricesText,
  retentionRules: row.retentionRules,
  disclaimer: row.disclaimer,
  personaBio: row.personaBio,
});

/** The tenant's saved prompt settings, or the defaults derived from the tenant (404 when the scope cannot see it). */
export async function readPromptSettings(em: ScopedEm, tenantId: string): Promise<StoredPromptSettings> {
  const row = await em.findOne(PromptConfig, { tenantId });
  if (row) return { settings: settingsOf(row), saved: true, version: row.version, updatedAt: row.updatedAt };
  const tenant = await em.findOne(Tenant, { id: tenantId });
  if (!tenant) throw notFound('Tenant');
  const tenantSettings = await em.findOne(TenantSettings, { tenantId });
  const settings = defaultPromptSettings({
    name: tenant.name,
    locale: tenantSettings?.locale ?? 'de-AT',
    timeZone: tenantSettings?.timezone ?? 'Europe/Vienna',
  });
  return { settings, saved: false, version: 0, updatedAt: null };
}

import { TenantSettings } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';

/** The tenant's GDPR setting (`tenant_settings.anonymize_call_logs`), read where each write happens. */
export async function anonymisesCallLogs(em: ScopedEm, tenantId: string): Promise<boolean> {
  const settings = await em.findOne(TenantSettings, { tenantId }, { fields: ['anonymizeCallLogs'] });
  return settings?.anonymizeCallLogs ?? false;
}

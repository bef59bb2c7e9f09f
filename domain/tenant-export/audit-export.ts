import { Tenant, type TenantExport } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import type { Actor, SystemActor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';

/**
 * Audits an export's step. An export outlives its tenant (offboarding), and the audit trail's tenant column
 * references tenants: once the tenant is gone the record keeps the id in its details only.
 */
export async function auditExport(
  em: ScopedEm,
  actor: Actor | SystemActor | null,
  action: string,
  row: Pick<TenantExport, 'id' | 'tenantId'>,
  details: Record<string, unknown> = {},
): Promise<void> {
  const tenantExists = (await em.count(Tenant, { id: row.tenantId })) > 0;
  recordAudit(em, {
    actor,
    action,
    targetType: 'tenant_export',
    targetId: row.id,
    tenantId: tenantExists ? row.tenantId : null,
    details: { ...details, ...(tenantExists ? {} : { tenantId: row.tenantId }) },
  });
}

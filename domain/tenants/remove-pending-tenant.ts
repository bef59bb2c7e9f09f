import { LockMode } from '@mikro-orm/core';
import { Bot, Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';

export type PendingTenantRemoval = 'removed' | 'absent' | 'kept' | 'has_live_bots';

/**
 * Deletes a tenant that never verified its email (its rows cascade), unless it became active meanwhile (`kept`) or
 * one of its bots may still hold provider resources (`has_live_bots`): deleting it then would strand them. The
 * removal is audited; the audit row outlives the tenant (its `tenant_id` is left empty).
 */
export async function removePendingTenant(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<PendingTenantRemoval> {
  return inScope(deps.orm, actor, async (em) => {
    const tenant = await em.findOne(Tenant, { id: tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!tenant) return 'absent';
    if (tenant.status !== 'pending_verification') return 'kept';
    if ((await em.count(Bot, { tenantId, status: { $ne: 'deprovisioned' } })) > 0) return 'has_live_bots';
    await em.nativeDelete(Tenant, { id: tenantId, status: 'pending_verification' });
    recordAudit(em, {
      actor,
      tenantId: null,
      action: 'tenant.removed',
      targetType: 'tenant',
      targetId: tenantId,
      details: { from: tenant.status, cause: 'not_verified_in_time' },
    });
    await em.flush();
    return 'removed';
  });
}

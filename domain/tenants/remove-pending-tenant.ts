import { Bot, Tenant } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';

export type PendingTenantRemoval = 'removed' | 'absent' | 'kept' | 'has_live_bots';

/**
 * Deletes a tenant that never verified its email (its rows cascade), unless it became active meanwhile (`kept`) or
 * one of its bots may still hold provider resources (`has_live_bots`): deleting it then would strand them.
 */
export async function removePendingTenant(em: ScopedEm, tenantId: string): Promise<PendingTenantRemoval> {
  const tenant = await em.findOne(Tenant, { id: tenantId });
  if (!tenant) return 'absent';
  if (tenant.status !== 'pending_verification') return 'kept';
  if ((await em.count(Bot, { tenantId, status: { $ne: 'deprovisioned' } })) > 0) return 'has_live_bots';
  await em.nativeDelete(Tenant, { id: tenantId, status: 'pending_verification' });
  return 'removed';
}

import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { AppError } from '../errors/app-error';
import { lockTenant } from './lock-tenant';
import { toTenantView, type TenantView } from './tenant-view';

/**
 * A platform admin lifts a suspension: the tenant is active again and its users can sign in (sessions ended by
 * the suspension stay ended). Only a suspended tenant can be reactivated; anything else answers 409.
 */
export async function reactivateTenant(
  deps: { orm: Orm },
  { actor, tenantId, reason }: { actor: Actor; tenantId: string; reason?: string },
): Promise<TenantView> {
  assertCan(actor, 'tenants:lifecycle');
  const tenant = await inScope(deps.orm, scopeOf(actor), async (em) => {
    const found = await lockTenant(em, tenantId);
    // Activation of a pending tenant is its onboarding's (after verification), not an admin's reactivation;
    // suspended → active is the one transition left, and the table allows it.
    if (found.status !== 'suspended') {
      throw new AppError('conflict', `The organisation is ${found.status}; only a suspended one can be reactivated`);
    }
    found.status = 'active';
    recordAudit(em, {
      actor,
      tenantId,
      action: 'tenant.reactivated',
      targetType: 'tenant',
      targetId: tenantId,
      details: reason ? { reason } : {},
    });
    await em.flush();
    return found;
  });
  return toTenantView(tenant);
}

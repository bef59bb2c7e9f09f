import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { lockTenant } from './lock-tenant';
import { applyTenantTransition } from './record-tenant-transition';
import { toTenantView } from './tenant-view';
import type { TenantView } from '../../contracts/tenants';

/**
 * A platform admin lifts a suspension: the tenant is active again and its users can sign in (sessions ended by
 * the suspension stay ended). Only a suspended tenant can be reactivated; anything else answers 409 (activating a
 * pending tenant is its onboarding's, after verification).
 */
export async function reactivateTenant(
  deps: { orm: Orm },
  { actor, tenantId, reason }: { actor: Actor; tenantId: string; reason?: string },
): Promise<TenantView> {
  assertCan(actor, 'tenants:lifecycle');
  const tenant = await inScope(deps.orm, scopeOf(actor), async (em) => {
    const found = await lockTenant(em, tenantId);
    applyTenantTransition(em, actor, found, { to: 'active', cause: 'reactivate', reason });
    await em.flush();
    return found;
  });
  return toTenantView(tenant);
}

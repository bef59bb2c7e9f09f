import { RefreshSession } from '../../db/entities';
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
 * A platform admin suspends an active tenant. Its users' access tokens stop working at their next request
 * (authentication reads the tenant's status), sign-in is refused, every refresh token is revoked so no session
 * survives a later reactivation, and its numbers' calls are refused. Only an active tenant can be deactivated:
 * a suspended one answers 409, and so does a pending one (its onboarding removes it if it never verifies).
 */
export async function deactivateTenant(
  deps: { orm: Orm },
  { actor, tenantId, reason }: { actor: Actor; tenantId: string; reason: string },
): Promise<TenantView> {
  assertCan(actor, 'tenants:lifecycle');
  const tenant = await inScope(deps.orm, scopeOf(actor), async (em) => {
    const found = await lockTenant(em, tenantId);
    const revokedRefreshTokens = await em.nativeUpdate(
      RefreshSession,
      { tenantId, revokedAt: null },
      { revokedAt: new Date() },
    );
    // A refused change throws here and the transaction rolls the revocation back.
    applyTenantTransition(em, actor, found, {
      to: 'suspended',
      cause: 'suspend',
      reason,
      details: { revokedRefreshTokens },
    });
    await em.flush();
    return found;
  });
  return toTenantView(tenant);
}

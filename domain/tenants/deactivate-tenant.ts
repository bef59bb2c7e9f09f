import { RefreshSession } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { lockTenant } from './lock-tenant';
import { assertTenantTransition } from './tenant-transition';
import { toTenantView, type TenantView } from './tenant-view';

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
    assertTenantTransition(found.status, 'suspended');
    const previousStatus = found.status;
    found.status = 'suspended';
    const revokedRefreshTokens = await em.nativeUpdate(
      RefreshSession,
      { tenantId, revokedAt: null },
      { revokedAt: new Date() },
    );
    recordAudit(em, {
      actor,
      tenantId,
      action: 'tenant.deactivated',
      targetType: 'tenant',
      targetId: tenantId,
      details: { reason, previousStatus, revokedRefreshTokens },
    });
    await em.flush();
    return found;
  });
  return toTenantView(tenant);
}

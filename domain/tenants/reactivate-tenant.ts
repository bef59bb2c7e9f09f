import { LockMode } from '@mikro-orm/core';
import { Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { AppError, notFound } from '../errors/app-error';
import { assertTenantTransition } from './tenant-transition';
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
    const found = await em.findOne(Tenant, { id: tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!found) throw notFound('Tenant');
    // Activation of a pending tenant is its onboarding's (after verification), not an admin's reactivation.
    if (found.status !== 'suspended') {
      throw new AppError('conflict', `The organisation is ${found.status}; only a suspended one can be reactivated`);
    }
    assertTenantTransition(found.status, 'active');
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

import { LockMode } from '@mikro-orm/core';
import { OffboardingRun, RefreshSession, Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { AppError } from '../errors/app-error';
import { applyTenantTransition } from '../tenants/record-tenant-transition';

/**
 * The run's first step: the tenant is `offboarding` (its users' sessions end, sign-in and calls are refused) and
 * every refresh token is revoked. The API did it when it started the run; this makes sure of it, and waits for that
 * transaction to commit (the workflow starts inside it). Safe to repeat, also once the tenant row is gone.
 */
export async function markTenantOffboarding(
  deps: { orm: Orm },
  { actor, runId, tenantId }: { actor: SystemActor; runId: string; tenantId: string },
): Promise<'marked' | 'already' | 'tenant_gone'> {
  return inScope(deps.orm, actor, async (em) => {
    if ((await em.count(OffboardingRun, { id: runId, tenantId })) === 0) {
      throw new AppError('unavailable', `Offboarding run ${runId} is not committed (yet)`);
    }
    const tenant = await em.findOne(Tenant, { id: tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!tenant) return 'tenant_gone';
    await em.nativeUpdate(RefreshSession, { tenantId, revokedAt: null }, { revokedAt: new Date() });
    if (tenant.status === 'offboarding') return 'already';
    applyTenantTransition(em, actor, tenant, { to: 'offboarding', cause: 'offboard' });
    await em.flush();
    return 'marked';
  });
}

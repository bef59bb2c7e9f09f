import { Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { AppError, notFound } from '../errors/app-error';
import type { OnboardingWorkflows } from './onboarding-port';

/**
 * A platform admin confirms a pending tenant's address by hand (say, after a call with the customer). Like the
 * email link it signals the onboarding workflow, which activates the tenant; the answer does not wait for that.
 */
export async function verifyTenantManually(
  deps: { orm: Orm; onboarding: OnboardingWorkflows },
  { actor, tenantId }: { actor: Actor; tenantId: string },
): Promise<{ tenantId: string; activation: 'requested' }> {
  assertCan(actor, 'tenants:verify');
  const tenant = await inScope(deps.orm, scopeOf(actor), (em) => em.findOne(Tenant, { id: tenantId }));
  if (!tenant) throw notFound('Tenant');
  if (tenant.status !== 'pending_verification') {
    throw new AppError('conflict', `The organisation is ${tenant.status}; there is nothing to verify`);
  }
  if (!(await deps.onboarding.signalEmailVerified(tenantId))) {
    throw new AppError('conflict', 'No onboarding run is waiting for this organisation');
  }
  await inScope(deps.orm, scopeOf(actor), async (em) => {
    recordAudit(em, {
      actor,
      tenantId,
      action: 'tenant.verified_manually',
      targetType: 'tenant',
      targetId: tenantId,
    });
    await em.flush();
  });
  return { tenantId, activation: 'requested' };
}

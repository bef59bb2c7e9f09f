import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { insertTenant } from './insert-tenant';
import type { OnboardingWorkflows } from './onboarding-port';
import { startOnboarding } from './start-onboarding';
import type { CreateTenantBody } from '../../contracts/tenants';
import { toTenantView } from './tenant-view';
import type { TenantView } from '../../contracts/tenants';

/** A platform admin onboards a customer: the tenant starts pending and its onboarding workflow runs. */
export async function createTenant(
  deps: { orm: Orm; onboarding: OnboardingWorkflows },
  { actor, input }: { actor: Actor; input: CreateTenantBody },
): Promise<{ tenant: TenantView; workflowId: string }> {
  assertCan(actor, 'tenants:create');
  const tenant = await inScope(deps.orm, scopeOf(actor), async (em) => {
    const created = await insertTenant(em, input);
    recordAudit(em, {
      actor,
      tenantId: created.id,
      action: 'tenant.created',
      targetType: 'tenant',
      targetId: created.id,
    });
    await em.flush();
    return created;
  });
  const { workflowId } = await startOnboarding(deps, tenant.id);
  return { tenant: toTenantView(tenant), workflowId };
}

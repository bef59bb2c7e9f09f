import type { PlanFeature } from '../../contracts/pricing';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertTenantAccess } from '../auth/permissions';
import { findTenantPlan } from './find-tenant-plan';
import { featureGate } from './gates';
import { findPlans, toPlanPricing } from './plan-pricing';

/** Refuses (402) a use of `feature` by a tenant whose plan lacks it, naming the cheapest plan that has it. */
export async function assertPlanFeature(
  deps: { orm: Orm },
  { actor, tenantId, feature }: { actor: Actor; tenantId: string; feature: PlanFeature },
): Promise<void> {
  assertTenantAccess(actor, tenantId);
  await inScope(deps.orm, scopeOf(actor), async (em) => {
    const current = await findTenantPlan(em, tenantId);
    if (!current) return;
    featureGate(toPlanPricing(current.plan), feature, (await findPlans(em)).map(toPlanPricing));
  });
}

import { SUBSCRIPTION_IN_FORCE } from '../../contracts/subscription-status';
import { Plan, Subscription } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';

export interface TenantPlan {
  subscription: Subscription;
  plan: Plan;
}

/**
 * The subscription a tenant is billed and gated by (active or past due) and its plan. Null for a tenant that has
 * none: onboarding subscribes every tenant, so only rows made outside it (fixtures) lack one, and they are not gated.
 */
export async function findTenantPlan(em: ScopedEm, tenantId: string): Promise<TenantPlan | null> {
  const subscription = await em.findOne(Subscription, { tenantId, status: { $in: [...SUBSCRIPTION_IN_FORCE] } });
  if (!subscription) return null;
  return { subscription, plan: await em.findOneOrFail(Plan, { id: subscription.planId }) };
}

import { AuditLog } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { AppError } from '../errors/app-error';
import { findTenantPlan } from './find-tenant-plan';

/** What the tenant's Stripe subscription has to bill now: the plan in force and its Stripe price (null: free). */
export interface StripePlanTarget {
  stripeSubscriptionId: string | null;
  planCode: string | null;
  stripePriceId: string | null;
}

/**
 * The state Stripe has to follow after an admin's plan change. The change's workflow is started inside the
 * change's transaction, so it may look before that commits: until the change's audit row is visible it answers
 * `unavailable` (retried by the activity's bounded policy). It answers the tenant's current plan, not the one of
 * this change, so runs of several quick changes all leave Stripe on the latest.
 */
export async function findStripePlanTarget(
  deps: { orm: Orm },
  { actor, tenantId, changeId }: { actor: SystemActor; tenantId: string; changeId: string },
): Promise<StripePlanTarget> {
  return inScope(deps.orm, actor, async (em) => {
    const committed = await em.count(AuditLog, {
      tenantId,
      action: 'subscription.plan_changed',
      details: { changeId },
    });
    if (committed === 0) throw new AppError('unavailable', `Plan change ${changeId} is not committed (yet)`);
    const current = await findTenantPlan(em, tenantId);
    return {
      stripeSubscriptionId: current?.subscription.stripeSubscriptionId ?? null,
      planCode: current?.plan.code ?? null,
      stripePriceId: current?.plan.stripePriceId ?? null,
    };
  });
}

import type { PlanChangeView, StripeFollowUp } from '../../contracts/billing';
import type { PlanId } from '../../contracts/pricing';
import { Plan, Subscription } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan, assertTenantAccess } from '../auth/permissions';
import { notFound } from '../errors/app-error';
import { lockTenant } from '../tenants/lock-tenant';
import { findTenantPlan } from './find-tenant-plan';
import { getSubscription } from './get-subscription';

/** What Stripe has to do so that its subscription (if any) bills the new plan. */
const stripeFollowUpOf = (stripeSubscriptionId: string | null, plan: Plan): StripeFollowUp => {
  if (stripeSubscriptionId) return plan.stripePriceId ? 'update' : 'cancel';
  return plan.stripePriceId ? 'create' : 'none';
};

/**
 * A platform admin moves a tenant to another plan, at once, audited as `subscription.plan_changed`. The status
 * stays (a past-due tenant still owes its payment); a tenant without a subscription gets an active one. Bots
 * beyond a smaller plan's `maxBots` stay, but no new one can be added. Choosing the current plan changes nothing.
 */
export async function changeTenantPlan(
  deps: { orm: Orm },
  { actor, tenantId, planCode, now = new Date() }: { actor: Actor; tenantId: string; planCode: PlanId; now?: Date },
): Promise<PlanChangeView> {
  assertTenantAccess(actor, tenantId);
  assertCan(actor, 'plans:change');
  const change = await inScope(deps.orm, scopeOf(actor), async (em) => {
    // Serialises with bot creation, which counts bots against the plan under the same lock.
    await lockTenant(em, tenantId);
    const plan = await em.findOne(Plan, { code: planCode });
    if (!plan) throw notFound('Plan');
    const current = await findTenantPlan(em, tenantId);
    const from = (current?.plan.code ?? null) as PlanId | null;
    if (current?.plan.id === plan.id) return { from, to: planCode, changed: false, stripeFollowUp: 'none' as const };
    const subscription =
      current?.subscription ??
      em.create(Subscription, {
        tenantId,
        planId: plan.id,
        status: 'active',
        currentPeriodStart: now,
        currentPeriodEnd: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
      });
    subscription.planId = plan.id;
    await em.flush();
    // Stripe subscription update: issue 10 checkout/webhooks. The Stripe adapter is to carry out `stripeFollowUp`;
    // until it does, the audit row records what Stripe still has to do.
    const stripeFollowUp = stripeFollowUpOf(subscription.stripeSubscriptionId ?? null, plan);
    recordAudit(em, {
      actor,
      action: 'subscription.plan_changed',
      targetType: 'subscription',
      targetId: subscription.id,
      tenantId,
      details: { from, to: planCode, stripeSubscriptionId: subscription.stripeSubscriptionId ?? null, stripeFollowUp },
    });
    await em.flush();
    return { from, to: planCode, changed: true, stripeFollowUp };
  });
  return { ...change, subscription: await getSubscription(deps, { actor, tenantId, now }) };
}

import type { PlanChangeView, StripeFollowUp } from '../../contracts/billing';
import type { PlanId } from '../../contracts/pricing';
import { Plan } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan, assertTenantAccess } from '../auth/permissions';
import { notFound } from '../errors/app-error';
import { lockTenant } from '../tenants/lock-tenant';
import { findTenantPlan } from './find-tenant-plan';
import { getSubscription } from './get-subscription';
import { openSubscription, switchPlan } from './switch-plan';

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
    const subscription = current?.subscription ?? openSubscription(em, { tenantId, plan, now });
    await em.flush();
    // Stripe subscription update: issue 10 checkout/webhooks. The Stripe adapter is to carry out `stripeFollowUp`;
    // until it does, the audit row records what Stripe still has to do.
    const stripeSubscriptionId = subscription.stripeSubscriptionId ?? null;
    const stripeFollowUp = stripeFollowUpOf(stripeSubscriptionId, plan);
    switchPlan(em, { actor, subscription, from, to: plan, details: { stripeSubscriptionId, stripeFollowUp } });
    await em.flush();
    return { from, to: planCode, changed: true, stripeFollowUp };
  });
  return { ...change, subscription: await getSubscription(deps, { actor, tenantId, now }) };
}

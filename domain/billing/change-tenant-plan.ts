import { randomUUID } from 'node:crypto';
import type { PlanChangeView, StripeFollowUp } from '../../contracts/billing';
import type { PlanId } from '../../contracts/pricing';
import { Plan } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan, assertTenantAccess } from '../auth/permissions';
import { AppError, notFound } from '../errors/app-error';
import { lockTenant } from '../tenants/lock-tenant';
import { findTenantPlan } from './find-tenant-plan';
import { getSubscription } from './get-subscription';
import type { StripePlanWorkflows } from './stripe-plan-port';
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
 *
 * A tenant whose fee a Stripe subscription collects has it follow durably: the `changeStripePlan` workflow moves
 * it to the new plan's price (`update`) or cancels it for a free plan (`cancel`). It is started inside this
 * transaction, so a start that fails changes nothing, and it waits for the change to commit. A paid plan without
 * a Stripe subscription (`create`) needs the customer's card, which only Checkout collects: until the customer
 * subscribes, the monthly platform invoice bills the fee (the fee rule, decision 012).
 */
export async function changeTenantPlan(
  deps: { orm: Orm; stripePlans?: StripePlanWorkflows },
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
    if (current?.plan.id === plan.id) {
      return { from, to: planCode, changed: false, stripeFollowUp: 'none' as const, stripeWorkflowId: null };
    }
    const subscription = current?.subscription ?? openSubscription(em, { tenantId, plan, now });
    await em.flush();
    const stripeSubscriptionId = subscription.stripeSubscriptionId ?? null;
    const stripeFollowUp = stripeFollowUpOf(stripeSubscriptionId, plan);
    const changeId = randomUUID();
    switchPlan(em, {
      actor,
      subscription,
      from,
      to: plan,
      details: { stripeSubscriptionId, stripeFollowUp, changeId },
    });
    await em.flush();
    let stripeWorkflowId: string | null = null;
    if (stripeFollowUp === 'update' || stripeFollowUp === 'cancel') {
      if (!deps.stripePlans) throw new AppError('unavailable', 'Stripe plan changes are not wired in this process');
      stripeWorkflowId = (await deps.stripePlans.startPlanChange({ tenantId, changeId })).workflowId;
    }
    return { from, to: planCode, changed: true, stripeFollowUp, stripeWorkflowId };
  });
  return { ...change, subscription: await getSubscription(deps, { actor, tenantId, now }) };
}

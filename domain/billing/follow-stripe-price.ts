import { AuditLog, Plan, type Subscription } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import type { TenantPlan } from './find-tenant-plan';
import { switchPlan } from './switch-plan';

/**
 * The tenant's linked Stripe subscription bills another price (a plan switched in the customer portal): the
 * tenant moves to the plan with that price, audited. Nothing changes when the price is the plan's own (the
 * platform's own change coming back) or no plan's, or when the platform changed the plan after Stripe sent it.
 */
export async function followStripePrice(
  em: ScopedEm,
  input: { actor: SystemActor; current: TenantPlan; priceId: string | null; eventId: string; at: string },
): Promise<void> {
  const { subscription, plan: from } = input.current;
  if (!input.priceId || from.stripePriceId === input.priceId) return;
  const to = await em.findOne(Plan, { stripePriceId: input.priceId });
  if (!to || (await planChangedAfter(em, subscription, input.at))) return;
  switchPlan(em, {
    actor: input.actor,
    subscription,
    from: from.code,
    to,
    details: {
      stripeSubscriptionId: subscription.stripeSubscriptionId,
      stripePriceId: input.priceId,
      stripeEventId: input.eventId,
      via: 'stripe',
    },
  });
}

/**
 * The platform changed the subscription's plan after a Stripe event was sent (an admin, or an earlier event). Stripe
 * dates events in whole seconds, so only a change from a later second counts.
 */
export async function planChangedAfter(em: ScopedEm, subscription: Subscription, at: string): Promise<boolean> {
  const changes = await em.count(AuditLog, {
    tenantId: subscription.tenantId,
    targetType: 'subscription',
    targetId: subscription.id,
    action: 'subscription.plan_changed',
    createdAt: { $gte: new Date(Date.parse(at) + 1000) },
  });
  return changes > 0;
}

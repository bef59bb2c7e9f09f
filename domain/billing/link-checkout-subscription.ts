import { Plan } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { findTenantPlan } from './find-tenant-plan';
import { openSubscription, switchPlan } from './switch-plan';

/** What the inbox keeps of a Checkout Session: enough to link its subscription, nothing of the customer's data. */
export interface CheckoutFacts {
  sessionId: string;
  status: string;
  subscriptionId: string | null;
  /** `client_reference_id`: the tenant the platform started the session for. */
  tenantId: string | null;
  /** From the session's metadata, which the platform wrote. */
  planCode: string | null;
  /** What the customer paid before discounts and tax, and in which currency (null when Stripe did not say). */
  amountCents: number | null;
  currency: string | null;
}

/**
 * `checkout.session.completed`: the Stripe subscription Checkout created now bills the tenant's plan, so it is
 * linked to the tenant's subscription, which moves to the plan the session names (audited). The session must have
 * been started for this tenant and must have charged that plan's fee; otherwise nothing changes and the refusal is
 * audited for a person to settle. Redelivery finds the subscription linked and changes nothing. A past-due tenant
 * stays past due: Checkout paid the new plan, not the platform invoice that is overdue.
 */
export async function linkCheckoutSubscription(
  em: ScopedEm,
  { actor, tenantId, eventId, at }: { actor: SystemActor; tenantId: string; eventId: string; at: string },
  checkout: CheckoutFacts,
): Promise<void> {
  const { subscriptionId } = checkout;
  if (checkout.status !== 'complete' || !subscriptionId) return;
  const facts = {
    stripeCheckoutSessionId: checkout.sessionId,
    stripeSubscriptionId: subscriptionId,
    stripeEventId: eventId,
  };
  const refuse = (reason: string) =>
    recordAudit(em, {
      actor,
      tenantId,
      action: 'subscription.checkout_refused',
      targetType: 'tenant',
      targetId: tenantId,
      details: { ...facts, reason, planCode: checkout.planCode },
    });

  if (checkout.tenantId !== tenantId) return refuse('the session was started for another tenant');
  const plan = checkout.planCode ? await em.findOne(Plan, { code: checkout.planCode }) : null;
  if (!plan?.stripePriceId) return refuse('the session names no paid plan');
  const paidFee =
    checkout.amountCents === null ||
    (checkout.amountCents === plan.monthlyFeeCents && checkout.currency?.toUpperCase() === plan.currency.toUpperCase());
  if (!paidFee) return refuse(`the session charged ${checkout.amountCents} ${checkout.currency}, not the plan’s fee`);

  const current = await findTenantPlan(em, tenantId);
  const linked = current?.subscription.stripeSubscriptionId;
  if (linked === subscriptionId) return;
  // Two sessions paid (two tabs past the idempotency window): the first keeps the plan, the second needs a refund.
  if (linked) return refuse(`Stripe subscription ${linked} is linked already`);

  const subscription = current?.subscription ?? openSubscription(em, { tenantId, plan, now: new Date(at) });
  if (!current) await em.flush();
  subscription.stripeSubscriptionId = subscriptionId;
  if (current?.plan.id !== plan.id) {
    switchPlan(em, {
      actor,
      subscription,
      from: current?.plan.code ?? null,
      to: plan,
      details: { ...facts, via: 'checkout' },
    });
  }
  recordAudit(em, {
    actor,
    tenantId,
    action: 'subscription.stripe_linked',
    targetType: 'subscription',
    targetId: subscription.id,
    details: { ...facts, planCode: plan.code },
  });
}

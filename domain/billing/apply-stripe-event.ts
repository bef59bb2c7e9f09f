import { LockMode } from '@mikro-orm/core';
import type { InvoiceStatus } from '../../contracts/invoice-status';
import { SUBSCRIPTION_IN_FORCE } from '../../contracts/subscription-status';
import { Invoice, Plan, Subscription } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { followStripePrice, planChangedAfter } from './follow-stripe-price';
import { linkCheckoutSubscription, type CheckoutFacts } from './link-checkout-subscription';
import { switchPlan } from './switch-plan';

/**
 * A Stripe event whose signature checked out, as far as billing reads it. The billing adapter's `BillingEvent`
 * has this shape (and more), so the API takes its verifier without importing the adapter.
 */
export type VerifiedStripeEvent = { id: string; type: string; createdAt: Date } & (
  | { object: 'invoice'; invoice: { id: string; customerId: string } }
  | {
      object: 'subscription';
      subscription: { id: string; customerId: string; status: string; items: { priceId: string }[] };
    }
  | {
      object: 'checkout_session';
      checkoutSession: {
        id: string;
        customerId: string | null;
        status: string;
        subscriptionId: string | null;
        clientReferenceId: string | null;
        metadata: Record<string, string>;
        amountSubtotalCents: number | null;
        currency: string | null;
      };
    }
  | { object: 'other'; customerId?: string | null }
);

/** What the inbox keeps of a Stripe event for its delivery: enough to apply it, nothing of the customer's data. */
export interface StripeEventFacts {
  id: string;
  type: string;
  customerId: string;
  /** When Stripe created the event (ISO): a subscription falls past due at the failed payment, not the delivery. */
  at: string;
  invoiceId: string | null;
  /** `priceId`: what its first item bills (absent from rows recorded before plans followed Stripe's price). */
  subscription: { id: string; status: string; priceId?: string | null } | null;
  /** A Checkout Session (absent from rows recorded before Checkout was wired). */
  checkout?: CheckoutFacts | null;
}

/** The facts of an event, or null for one that names no customer (nothing of a tenant's to change). */
export function stripeEventFacts(event: VerifiedStripeEvent): StripeEventFacts | null {
  const base = { id: event.id, type: event.type, at: event.createdAt.toISOString() };
  if (event.object === 'invoice') {
    return { ...base, customerId: event.invoice.customerId, invoiceId: event.invoice.id, subscription: null };
  }
  if (event.object === 'subscription') {
    const { id, customerId, status, items } = event.subscription;
    const priceId = items[0]?.priceId ?? null;
    return { ...base, customerId, invoiceId: null, subscription: { id, status, priceId } };
  }
  const session = event.object === 'checkout_session' ? event.checkoutSession : null;
  if (session?.customerId) {
    const checkout: CheckoutFacts = {
      sessionId: session.id,
      status: session.status,
      subscriptionId: session.subscriptionId,
      tenantId: session.clientReferenceId,
      planCode: session.metadata.planCode ?? null,
      amountCents: session.amountSubtotalCents,
      currency: session.currency,
    };
    return { ...base, customerId: session.customerId, invoiceId: null, subscription: null, checkout };
  }
  // Payment intents and the like: kept in the customer's webhook log, nothing to apply (the invoice and Checkout
  // events carry the outcome the platform acts on).
  if (event.object === 'other' && event.customerId) {
    return { ...base, customerId: event.customerId, invoiceId: null, subscription: null };
  }
  return null;
}

const ACTOR: SystemActor = { system: 'stripe-webhooks' };

/** The local status each invoice event sets, and the statuses it may replace (a paid invoice stays paid). */
const INVOICE_MOVES: Record<string, { to: InvoiceStatus; from: readonly InvoiceStatus[] }> = {
  'invoice.finalized': { to: 'open', from: ['draft'] },
  'invoice.paid': { to: 'paid', from: ['draft', 'open', 'uncollectible', 'failed'] },
  'invoice.voided': { to: 'void', from: ['draft', 'open', 'uncollectible', 'failed'] },
  'invoice.marked_uncollectible': { to: 'uncollectible', from: ['draft', 'open'] },
};

/** Stripe's subscription statuses the platform follows on `customer.subscription.updated` (decision: keep small). */
const SUBSCRIPTION_STATUS: Record<string, 'active' | 'past_due'> = {
  active: 'active',
  trialing: 'active',
  past_due: 'past_due',
  unpaid: 'past_due',
};

/**
 * Applies one delivered Stripe event to the tenant's invoices and subscription: invoice statuses, past due and
 * recovery, a completed Checkout's subscription linked (link-checkout-subscription.ts), a plan switched in the
 * customer portal followed (follow-stripe-price.ts), a cancelled subscription back to the default plan.
 * Idempotent: every change is made only from the state it leaves, so a redelivery changes and audits nothing.
 * Events about invoices or subscriptions the platform does not know are ignored.
 */
export async function applyStripeEvent(
  deps: { orm: Orm },
  { tenantId, event }: { tenantId: string; event: StripeEventFacts },
): Promise<void> {
  await inScope(deps.orm, ACTOR, async (em) => {
    if (event.invoiceId) await applyInvoiceEvent(em, tenantId, event, event.invoiceId);
    if (event.subscription) await applySubscriptionEvent(em, tenantId, event, event.subscription);
    if (event.checkout && event.type === 'checkout.session.completed') {
      await linkCheckoutSubscription(em, { actor: ACTOR, tenantId, eventId: event.id, at: event.at }, event.checkout);
    }
    await em.flush();
  });
}

async function applyInvoiceEvent(em: ScopedEm, tenantId: string, event: StripeEventFacts, stripeInvoiceId: string) {
  const invoice = await em.findOne(Invoice, { tenantId, stripeInvoiceId });
  if (!invoice) return;
  const audit = (action: string, details: Record<string, unknown>) =>
    recordAudit(em, {
      actor: ACTOR,
      tenantId,
      action,
      targetType: 'invoice',
      targetId: invoice.id,
      details: { stripeInvoiceId, stripeEventId: event.id, ...details },
    });
  const move = INVOICE_MOVES[event.type];
  if (move && move.from.includes(invoice.status)) {
    audit(`invoice.${move.to === 'open' ? 'opened' : move.to}`, { from: invoice.status, to: move.to });
    invoice.status = move.to;
  }
  if (event.type === 'invoice.payment_failed') {
    audit('invoice.payment_failed', { status: invoice.status });
    await setInForceStatus(em, tenantId, event, 'past_due');
  }
  if (event.type === 'invoice.paid') await setInForceStatus(em, tenantId, event, 'active');
}

async function applySubscriptionEvent(
  em: ScopedEm,
  tenantId: string,
  event: StripeEventFacts,
  stripe: NonNullable<StripeEventFacts['subscription']>,
) {
  // Only the Stripe subscription behind the tenant's own: an older one's cancellation must not touch it. Locked, as
  // the worker may be unlinking it at the same moment (unlink-stripe-subscription.ts): one of them does it.
  const linked = await em.findOne(
    Subscription,
    { tenantId, stripeSubscriptionId: stripe.id, status: { $in: [...SUBSCRIPTION_IN_FORCE] } },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!linked) return;
  const current = { subscription: linked, plan: await em.findOneOrFail(Plan, { id: linked.planId }) };
  const details = { stripeSubscriptionId: stripe.id, stripeEventId: event.id };
  if (event.type === 'customer.subscription.deleted') {
    const { subscription, plan } = current;
    subscription.stripeSubscriptionId = null;
    if (!plan.stripePriceId || (await planChangedAfter(em, subscription, event.at))) {
      // Already on a free plan (an admin's downgrade cancelled it), or an admin chose a plan since: only the link goes.
      recordAudit(em, {
        actor: ACTOR,
        tenantId,
        action: 'subscription.stripe_unlinked',
        targetType: 'subscription',
        targetId: subscription.id,
        details,
      });
      return;
    }
    switchPlan(em, {
      actor: ACTOR,
      subscription,
      from: plan.code,
      to: await em.findOneOrFail(Plan, { isDefault: true }),
      details,
    });
    return;
  }
  if (event.type !== 'customer.subscription.updated') return;
  // A plan switched in the customer portal arrives as a new price on the subscription.
  await followStripePrice(em, {
    actor: ACTOR,
    current,
    priceId: stripe.priceId ?? null,
    eventId: event.id,
    at: event.at,
  });
  const status = SUBSCRIPTION_STATUS[stripe.status];
  if (status) await setInForceStatus(em, tenantId, event, status);
}

/** Moves the tenant's subscription between active and past due (since the event's time), audited; else nothing. */
async function setInForceStatus(em: ScopedEm, tenantId: string, event: StripeEventFacts, to: 'active' | 'past_due') {
  const subscription = await em.findOne(Subscription, { tenantId, status: { $in: [...SUBSCRIPTION_IN_FORCE] } });
  if (!subscription || subscription.status === to) return;
  const from = subscription.status;
  Object.assign(subscription, { status: to, pastDueSince: to === 'past_due' ? new Date(event.at) : null });
  recordAudit(em, {
    actor: ACTOR,
    tenantId,
    action: to === 'past_due' ? 'subscription.past_due' : 'subscription.payment_recovered',
    targetType: 'subscription',
    targetId: subscription.id,
    details: { from, to, stripeEventId: event.id },
  });
}

import { announceInvoice, setSubscriptionStatus, type StripeSim } from './announce';
import { totalsOf } from './invoice-math';
import { renderPaymentIntent } from './render-invoice';
import { now, stripeId, type StripeInvoice, type StripePaymentIntent } from './state';

export type PaymentOutcome = 'succeed' | 'fail';

/** Charges an auto-advancing invoice after the simulator's payment delay, unless it was settled meanwhile. */
export function collectLater(sim: StripeSim, invoice: StripeInvoice): void {
  const delay = sim.stripe.paymentDelayMs;
  invoice.nextPaymentAttempt = now() + Math.ceil(delay / 1000);
  sim.stripe.later(delay, () => {
    const current = sim.state.stripe.invoices.get(invoice.id);
    if (current?.status === 'open') chargeInvoice(sim, current);
  });
}

/**
 * One attempt to charge the customer's saved card for an open invoice; the outcome is the customer's
 * (`POST /_sim/stripe/customers/:id/payment-outcome`) unless the caller decides it.
 */
export function chargeInvoice(sim: StripeSim, invoice: StripeInvoice, outcome?: PaymentOutcome): 'paid' | 'declined' {
  const stripe = sim.state.stripe;
  const result = outcome ?? stripe.paymentOutcomes.get(invoice.customer) ?? 'succeed';
  const intent = intentFor(sim, invoice);
  invoice.attemptCount += 1;
  if (result === 'succeed') {
    intent.status = 'succeeded';
    intent.declined = false;
    sim.stripe.emit('payment_intent.succeeded', renderPaymentIntent(intent));
    markPaid(sim, invoice, intent);
    return 'paid';
  }
  intent.status = 'requires_payment_method';
  intent.declined = true;
  // Stripe's Smart Retries would try again in a few days; the simulator only says when, tests retry explicitly.
  invoice.nextPaymentAttempt = invoice.autoAdvance ? now() + 3 * 86_400 : null;
  sim.stripe.emit('payment_intent.payment_failed', renderPaymentIntent(intent));
  announceInvoice(sim, 'invoice.payment_failed', invoice);
  for (const subscription of stripe.subscriptions.values()) {
    if (subscription.customer === invoice.customer && subscription.status === 'active') {
      setSubscriptionStatus(sim, subscription, 'past_due');
    }
  }
  return 'declined';
}

/**
 * Settles an invoice (`intent` null: nothing to charge, or paid out of band). The customer's subscriptions are
 * active again once none of their invoices is still open after a failed attempt.
 */
export function markPaid(sim: StripeSim, invoice: StripeInvoice, intent: StripePaymentIntent | null): void {
  const stripe = sim.state.stripe;
  invoice.amountPaid = totalsOf(stripe, invoice).amountDue;
  invoice.status = 'paid';
  invoice.paidAt = now();
  invoice.nextPaymentAttempt = null;
  if (intent) invoice.paymentIntent = intent.id;
  announceInvoice(sim, 'invoice.paid', invoice);
  announceInvoice(sim, 'invoice.payment_succeeded', invoice);
  const stillFailing = [...stripe.invoices.values()].some(
    (other) => other.customer === invoice.customer && other.status === 'open' && other.attemptCount > 0,
  );
  if (stillFailing) return;
  for (const subscription of stripe.subscriptions.values()) {
    const waiting = subscription.status === 'past_due' || subscription.id === invoice.subscription;
    if (subscription.customer === invoice.customer && waiting) setSubscriptionStatus(sim, subscription, 'active');
  }
}

/** One payment intent per invoice, reused by every attempt, as Stripe does. */
function intentFor(sim: StripeSim, invoice: StripeInvoice): StripePaymentIntent {
  const stripe = sim.state.stripe;
  const existing = invoice.paymentIntent ? stripe.paymentIntents.get(invoice.paymentIntent) : undefined;
  if (existing) return existing;
  const intent: StripePaymentIntent = {
    id: stripeId('pi'),
    created: now(),
    amount: totalsOf(stripe, invoice).amountDue,
    currency: invoice.currency,
    customer: invoice.customer,
    invoice: invoice.id,
    status: 'requires_payment_method',
    declined: false,
  };
  stripe.paymentIntents.set(intent.id, intent);
  invoice.paymentIntent = intent.id;
  return intent;
}

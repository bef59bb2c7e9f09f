import type { StripeSim } from './announce';
import { renderCustomer } from './render-catalog';
import { renderCheckoutSession } from './render-billing';
import { newCustomer, type StripeCheckoutSession } from './state';
import { startSubscription } from './subscriptions';

/**
 * What the hosted page's Pay does: the customer (created from the session's email when it names none) pays
 * with the card just entered, unless their payment outcome is `fail`, which shows a decline and leaves the
 * session open. Paid: the subscription starts with a paid first invoice, then `checkout.session.completed`.
 */
export function completeCheckout(
  sim: StripeSim,
  session: StripeCheckoutSession,
  baseUrl: string,
): 'complete' | 'declined' {
  const stripe = sim.state.stripe;
  let customer = session.customer ? stripe.customers.get(session.customer) : undefined;
  if (customer && stripe.paymentOutcomes.get(customer.id) === 'fail') {
    session.declined = true;
    return 'declined';
  }
  if (!customer) {
    customer = newCustomer({ email: session.customerEmail ?? undefined });
    stripe.customers.set(customer.id, customer);
    sim.stripe.emit('customer.created', renderCustomer(customer));
  }
  const items = session.lineItems.flatMap(({ price, quantity }) => {
    const found = stripe.prices.get(price);
    return found ? [{ price: found, quantity }] : [];
  });
  const subscription = startSubscription(
    sim,
    { customer, items, metadata: session.subscriptionMetadata, outcome: 'succeed' },
    baseUrl,
  );
  Object.assign(session, {
    status: 'complete',
    declined: false,
    customer: customer.id,
    subscription: subscription.id,
    invoice: subscription.latestInvoice,
  });
  sim.stripe.emit('checkout.session.completed', renderCheckoutSession(stripe, session));
  return 'complete';
}

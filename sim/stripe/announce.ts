import { renderSubscription } from './render-billing';
import { renderInvoice } from './render-invoice';
import type { StripeRuntime } from './runtime';
import { now, type StripeInvoice, type StripeState, type StripeSubscription, type SubscriptionStatus } from './state';

/** What the billing logic needs of the simulator: the Stripe state and its runtime (events, timers). */
export interface StripeSim {
  state: { stripe: StripeState };
  stripe: StripeRuntime;
}

export const announceInvoice = (sim: StripeSim, type: string, invoice: StripeInvoice) =>
  sim.stripe.emit(type, renderInvoice(sim.state.stripe, invoice));

export const announceSubscription = (
  sim: StripeSim,
  type: string,
  subscription: StripeSubscription,
  previous: Record<string, unknown> | null = null,
) => sim.stripe.emit(type, renderSubscription(sim.state.stripe, subscription), previous);

/** Moves a subscription to another status and says so with `customer.subscription.updated`. */
export function setSubscriptionStatus(sim: StripeSim, subscription: StripeSubscription, status: SubscriptionStatus) {
  if (subscription.status === status || subscription.status === 'canceled') return;
  const previous = { status: subscription.status };
  subscription.status = status;
  announceSubscription(sim, 'customer.subscription.updated', subscription, previous);
}

/** Ends a subscription now (`customer.subscription.deleted`); its open invoices stay as they are. */
export function endSubscription(sim: StripeSim, subscription: StripeSubscription): void {
  if (subscription.status === 'canceled') return;
  subscription.status = 'canceled';
  subscription.canceledAt = now();
  subscription.endedAt = subscription.canceledAt;
  announceSubscription(sim, 'customer.subscription.deleted', subscription);
}

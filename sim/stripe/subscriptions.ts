import { announceInvoice, announceSubscription, type StripeSim } from './announce';
import { invalid } from './errors';
import { draftInvoice, finalizeInvoice } from './invoicing';
import { lineAmount } from './money';
import { chargeInvoice, type PaymentOutcome } from './payments';
import {
  now,
  stripeId,
  type CollectionMethod,
  type StripeCustomer,
  type StripePrice,
  type StripeSubscription,
} from './state';

export interface SubscriptionStart {
  customer: StripeCustomer;
  items: { price: StripePrice; quantity: number }[];
  metadata?: Record<string, string>;
  description?: string;
  collectionMethod?: CollectionMethod;
  daysUntilDue?: number;
  /** `default_incomplete` leaves the first invoice open for the caller to pay. */
  paymentBehavior?: 'allow_incomplete' | 'default_incomplete';
  /** Decides the first charge instead of the customer's payment outcome (Checkout, where a card was just typed). */
  outcome?: PaymentOutcome;
}

/**
 * Starts a subscription as Stripe does: `incomplete` with a first invoice for the period, finalized and charged
 * at once; paying it makes the subscription `active`.
 */
export function startSubscription(sim: StripeSim, input: SubscriptionStart, baseUrl: string): StripeSubscription {
  const [first] = input.items;
  if (!first) throw invalid('Missing required param: items.', 'parameter_missing', 'items');
  for (const { price } of input.items) {
    if (!price.recurring) {
      const message = 'The price specified is set to `type=one_time` but this field only accepts `type=recurring`.';
      throw invalid(message, undefined, 'items');
    }
    if (price.currency !== first.price.currency) {
      throw invalid('All prices on a subscription must have the same currency.', undefined, 'items');
    }
  }
  const start = now();
  const collectionMethod = input.collectionMethod ?? 'charge_automatically';
  const subscription: StripeSubscription = {
    id: stripeId('sub'),
    created: start,
    customer: input.customer.id,
    status: collectionMethod === 'send_invoice' ? 'active' : 'incomplete',
    items: input.items.map(({ price, quantity }) => ({
      id: stripeId('si', 14),
      created: start,
      price: price.id,
      quantity,
    })),
    currency: first.price.currency,
    collectionMethod,
    metadata: input.metadata ?? {},
    description: input.description ?? null,
    currentPeriod: { start, end: periodEnd(start, first.price) },
    cancelAtPeriodEnd: false,
    canceledAt: null,
    endedAt: null,
    latestInvoice: null,
  };
  sim.state.stripe.subscriptions.set(subscription.id, subscription);
  announceSubscription(sim, 'customer.subscription.created', subscription);

  // Charged right here rather than after the payment delay, so the draft starts without auto-advance.
  const invoice = draftInvoice(sim, {
    customer: input.customer,
    currency: subscription.currency,
    collectionMethod,
    autoAdvance: false,
    daysUntilDue: input.daysUntilDue,
    billingReason: 'subscription_create',
    subscription: subscription.id,
  });
  subscription.items.forEach((item, index) => {
    const price = input.items[index]!.price;
    const id = stripeId('ii');
    const product = sim.state.stripe.products.get(price.product)?.name ?? price.product;
    sim.state.stripe.invoiceItems.set(id, {
      id,
      created: start,
      customer: input.customer.id,
      invoice: invoice.id,
      amount: lineAmount(item.quantity, price.unitAmountDecimal),
      currency: price.currency,
      description: `${item.quantity} × ${product}`,
      quantity: item.quantity,
      unitAmountDecimal: price.unitAmountDecimal,
      period: subscription.currentPeriod,
      price: price.id,
      subscription: { id: subscription.id, item: item.id },
      metadata: {},
    });
  });
  subscription.latestInvoice = invoice.id;
  announceInvoice(sim, 'invoice.created', invoice);
  finalizeInvoice(sim, invoice, baseUrl);
  invoice.autoAdvance = true;
  const charge = collectionMethod === 'charge_automatically' && input.paymentBehavior !== 'default_incomplete';
  if (charge && invoice.status === 'open') chargeInvoice(sim, invoice, input.outcome);
  return subscription;
}

/**
 * Applies `items[…]` changes as Stripe does (an `id` changes or deletes that item, no `id` adds one), without
 * proration, and announces the result with the items before in `previous_attributes`.
 */
export function changeSubscriptionItems(
  sim: StripeSim,
  subscription: StripeSubscription,
  changes: { id?: string; price?: StripePrice; quantity?: number; deleted?: boolean }[],
): void {
  const previous = { items: structuredClone(subscription.items) };
  for (const change of changes) {
    const item = change.id ? subscription.items.find((candidate) => candidate.id === change.id) : undefined;
    if (change.id && !item) throw invalid(`No such subscription item: '${change.id}'`, 'resource_missing', 'items');
    if (change.deleted && item) subscription.items = subscription.items.filter((candidate) => candidate !== item);
    else if (item) {
      if (change.price) item.price = change.price.id;
      if (change.quantity !== undefined) item.quantity = change.quantity;
    } else if (change.price) {
      subscription.items.push({
        id: stripeId('si', 14),
        created: now(),
        price: change.price.id,
        quantity: change.quantity ?? 1,
      });
    }
  }
  if (subscription.items.length === 0) throw invalid('A subscription needs at least one item.', undefined, 'items');
  announceSubscription(sim, 'customer.subscription.updated', subscription, previous);
}

/** The end of the first period: one interval of the price later, on the same day of the month where it exists. */
function periodEnd(start: number, price: StripePrice): number {
  const date = new Date(start * 1000);
  const { interval, intervalCount } = price.recurring ?? { interval: 'month', intervalCount: 1 };
  if (interval === 'day') date.setUTCDate(date.getUTCDate() + intervalCount);
  if (interval === 'week') date.setUTCDate(date.getUTCDate() + 7 * intervalCount);
  if (interval === 'month') date.setUTCMonth(date.getUTCMonth() + intervalCount);
  if (interval === 'year') date.setUTCFullYear(date.getUTCFullYear() + intervalCount);
  return Math.floor(date.getTime() / 1000);
}

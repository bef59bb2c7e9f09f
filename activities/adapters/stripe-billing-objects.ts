import type Stripe from 'stripe';
import type {
  BillingCheckoutSession,
  BillingEvent,
  BillingInvoice,
  BillingInvoiceItem,
  BillingInvoiceLine,
  BillingSubscription,
} from './billing-provider';

// Stripe's objects in the platform's terms (billing-provider.ts), so SDK types stay inside the adapter.

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value == null ? null : typeof value === 'string' ? value : value.id;
const dateOf = (seconds: number | null | undefined): Date | null => (seconds == null ? null : new Date(seconds * 1000));

/** The SDK types leave room for values added later; an unknown one is a change to handle, not to guess at. */
function known<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`Stripe answered an unknown ${what}: ${value}`);
}
const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'uncollectible'] as const;
const COLLECTION_METHODS = ['charge_automatically', 'send_invoice'] as const;
const SESSION_STATUSES = ['open', 'complete', 'expired'] as const;

export function toBillingInvoice(invoice: Stripe.Invoice): BillingInvoice {
  return {
    id: invoice.id,
    customerId: idOf(invoice.customer) ?? '',
    status: known(invoice.status ?? 'draft', INVOICE_STATUSES, 'invoice status'),
    number: invoice.number,
    currency: invoice.currency,
    subtotalCents: invoice.subtotal,
    totalCents: invoice.total,
    amountDueCents: invoice.amount_due,
    amountPaidCents: invoice.amount_paid,
    amountRemainingCents: invoice.amount_remaining,
    attemptCount: invoice.attempt_count,
    collectionMethod: known(invoice.collection_method, COLLECTION_METHODS, 'collection method'),
    autoAdvance: invoice.auto_advance ?? false,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    pdfUrl: invoice.invoice_pdf ?? null,
    subscriptionId: idOf(invoice.parent?.subscription_details?.subscription),
    metadata: invoice.metadata ?? {},
    createdAt: new Date(invoice.created * 1000),
    finalizedAt: dateOf(invoice.status_transitions.finalized_at),
    paidAt: dateOf(invoice.status_transitions.paid_at),
    nextPaymentAttemptAt: dateOf(invoice.next_payment_attempt),
  };
}

export function toBillingInvoiceLine(line: Stripe.InvoiceLineItem): BillingInvoiceLine {
  return {
    id: line.id,
    description: line.description,
    amountCents: line.amount,
    currency: line.currency,
    quantity: line.quantity,
    period: { start: new Date(line.period.start * 1000), end: new Date(line.period.end * 1000) },
    metadata: line.metadata ?? {},
  };
}

export function toBillingInvoiceItem(item: Stripe.InvoiceItem): BillingInvoiceItem {
  return {
    id: item.id,
    customerId: idOf(item.customer) ?? '',
    invoiceId: idOf(item.invoice),
    amountCents: item.amount,
    currency: item.currency,
    description: item.description,
    quantity: item.quantity,
    metadata: item.metadata ?? {},
  };
}

export function toBillingSubscription(subscription: Stripe.Subscription): BillingSubscription {
  const items = subscription.items.data;
  return {
    id: subscription.id,
    customerId: idOf(subscription.customer) ?? '',
    status: subscription.status,
    items: items.map((item) => ({ id: item.id, priceId: item.price.id, quantity: item.quantity ?? 1 })),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    currentPeriodEnd: dateOf(items[0]?.current_period_end),
    metadata: subscription.metadata ?? {},
  };
}

export function toBillingCheckoutSession(session: Stripe.Checkout.Session): BillingCheckoutSession {
  return {
    id: session.id,
    url: session.url,
    status: known(session.status ?? 'open', SESSION_STATUSES, 'Checkout Session status'),
    customerId: idOf(session.customer),
    subscriptionId: idOf(session.subscription),
    clientReferenceId: session.client_reference_id,
    metadata: session.metadata ?? {},
    amountSubtotalCents: session.amount_subtotal,
    currency: session.currency,
  };
}

/** The event with its object mapped when billing reads it (invoices, subscriptions, Checkout); else its id. */
export function toBillingEvent(event: Stripe.Event): BillingEvent {
  const base = { id: event.id, type: event.type, createdAt: new Date(event.created * 1000) };
  const object = event.data.object as { object?: string; id?: string };
  switch (object.object) {
    case 'invoice':
      return { ...base, object: 'invoice', invoice: toBillingInvoice(object as Stripe.Invoice) };
    case 'subscription':
      return { ...base, object: 'subscription', subscription: toBillingSubscription(object as Stripe.Subscription) };
    case 'checkout.session':
      return {
        ...base,
        object: 'checkout_session',
        checkoutSession: toBillingCheckoutSession(object as Stripe.Checkout.Session),
      };
    default: {
      const { customer } = object as { customer?: string | { id: string } | null };
      const customerId = customer ? idOf(customer) : null;
      return {
        ...base,
        object: 'other',
        objectType: object.object ?? 'unknown',
        objectId: object.id ?? null,
        customerId,
      };
    }
  }
}

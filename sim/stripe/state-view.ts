import { renderSubscription } from './render-billing';
import { renderCustomer } from './render-catalog';
import { renderInvoice, renderInvoiceItem } from './render-invoice';
import { SIMULATOR_ENDPOINT_ID, type StripeState } from './state';

/** The Stripe part of `GET /_sim/state`: objects as the API renders them, events in short, every delivery. */
export function stripeStateView(stripe: StripeState) {
  return {
    customers: [...stripe.customers.values()].map(renderCustomer),
    invoiceItems: [...stripe.invoiceItems.values()].map((item) => renderInvoiceItem(item, stripe)),
    invoices: [...stripe.invoices.values()].map((invoice) => renderInvoice(stripe, invoice)),
    subscriptions: [...stripe.subscriptions.values()].map((subscription) => renderSubscription(stripe, subscription)),
    checkoutSessions: [...stripe.checkoutSessions.values()].map(({ id, status, customer, subscription }) => ({
      id,
      status,
      customer,
      subscription,
    })),
    events: stripe.events.map(({ id, type, created, pendingWebhooks }) => ({
      id,
      type,
      created,
      pending_webhooks: pendingWebhooks,
    })),
    webhookEndpoints: [...stripe.webhookEndpoints.values()].map(({ id, url, enabledEvents }) => ({
      id,
      url,
      enabled_events: enabledEvents,
      configured_in_simulator: id === SIMULATOR_ENDPOINT_ID,
    })),
    deliveries: stripe.deliveries,
    paymentOutcomes: Object.fromEntries(stripe.paymentOutcomes),
  };
}

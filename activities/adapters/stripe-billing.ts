import Stripe from 'stripe';
import { InvalidWebhookError, type BillingProvider } from './billing-provider';
import { ProviderError, providerCalls } from './provider-error';
import { createStripeClient, toProviderError, type StripeBillingConfig } from './stripe-billing-client';
import {
  toBillingEvent,
  toBillingInvoice,
  toBillingInvoiceItem,
  toBillingInvoiceLine,
  toBillingSubscription,
} from './stripe-billing-objects';

const { call, unless404 } = providerCalls(toProviderError);

export type { StripeBillingConfig };

/** Stripe's default tolerance: a signed event older than five minutes may be a replay. */
const WEBHOOK_TOLERANCE_SECONDS = 300;
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** The billing port on Stripe's API (or the simulator's): SDK calls in, plain objects and `ProviderError`s out. */
export function createStripeBillingProvider(config: StripeBillingConfig): BillingProvider {
  const { stripe, webhookSecret } = createStripeClient(config);

  return {
    async createCustomer({ idempotencyKey, email, name, tenantId }) {
      const customer = await call(() =>
        stripe.customers.create({ email, name, metadata: { tenant_id: tenantId } }, { idempotencyKey }),
      );
      return { id: customer.id };
    },

    async deleteCustomer(customerId) {
      await unless404(() => stripe.customers.del(customerId), null);
    },

    async createInvoiceItem(input) {
      const { idempotencyKey, customerId, invoiceId, currency, description, period, metadata } = input;
      const price =
        'amountCents' in input
          ? { amount: input.amountCents }
          : { quantity: input.quantity, unit_amount_decimal: Stripe.Decimal.from(input.unitAmountCentsDecimal) };
      const item = await call(() =>
        stripe.invoiceItems.create(
          {
            customer: customerId,
            ...(invoiceId ? { invoice: invoiceId } : {}),
            currency: currency.toLowerCase(),
            description,
            ...price,
            ...(period ? { period: { start: seconds(period.start), end: seconds(period.end) } } : {}),
            ...(metadata ? { metadata } : {}),
          },
          { idempotencyKey },
        ),
      );
      return toBillingInvoiceItem(item);
    },

    async createInvoice({ idempotencyKey, customerId, currency, collection, autoAdvance, pendingItems, ...rest }) {
      const invoice = await call(() =>
        stripe.invoices.create(
          {
            customer: customerId,
            currency: currency.toLowerCase(),
            collection_method: collection.method,
            ...(collection.method === 'send_invoice' ? { days_until_due: collection.daysUntilDue } : {}),
            auto_advance: autoAdvance,
            pending_invoice_items_behavior: pendingItems,
            ...(rest.description ? { description: rest.description } : {}),
            ...(rest.metadata ? { metadata: rest.metadata } : {}),
          },
          { idempotencyKey },
        ),
      );
      return toBillingInvoice(invoice);
    },

    async finalizeInvoice(invoiceId, { idempotencyKey, autoAdvance }) {
      const params = autoAdvance === undefined ? {} : { auto_advance: autoAdvance };
      return toBillingInvoice(await call(() => stripe.invoices.finalizeInvoice(invoiceId, params, { idempotencyKey })));
    },

    async payInvoice(invoiceId, { idempotencyKey }) {
      try {
        const invoice = await stripe.invoices.pay(invoiceId, {}, { idempotencyKey });
        return { outcome: 'paid', invoice: toBillingInvoice(invoice) };
      } catch (error) {
        // 402: the card was declined; Stripe keeps the invoice open for a later attempt.
        if (error instanceof Stripe.errors.StripeCardError) return { outcome: 'declined', message: error.message };
        throw toProviderError(error);
      }
    },

    async voidInvoice(invoiceId, { idempotencyKey }) {
      return toBillingInvoice(await call(() => stripe.invoices.voidInvoice(invoiceId, {}, { idempotencyKey })));
    },

    async deleteDraftInvoice(invoiceId) {
      return unless404(() => stripe.invoices.del(invoiceId).then(() => 'deleted' as const), 'absent' as const);
    },

    async getInvoice(invoiceId) {
      const invoice = await unless404(() => stripe.invoices.retrieve(invoiceId), null);
      return invoice && toBillingInvoice(invoice);
    },

    async listInvoices({ customerId, status, limit = 100 }) {
      const page = await call(() =>
        stripe.invoices.list({ customer: customerId, ...(status ? { status } : {}), limit }),
      );
      return page.data.map(toBillingInvoice);
    },

    async listInvoiceLines(invoiceId) {
      const lines = await call(() =>
        stripe.invoices.listLineItems(invoiceId, { limit: 100 }).autoPagingToArray({ limit: 10_000 }),
      );
      return lines.map(toBillingInvoiceLine);
    },

    async createCheckoutSession({
      idempotencyKey,
      customerId,
      priceId,
      successUrl,
      cancelUrl,
      clientReferenceId,
      metadata,
    }) {
      const session = await call(() =>
        stripe.checkout.sessions.create(
          {
            mode: 'subscription',
            customer: customerId,
            line_items: [{ price: priceId, quantity: 1 }],
            success_url: successUrl,
            cancel_url: cancelUrl,
            client_reference_id: clientReferenceId,
            ...(metadata ? { metadata, subscription_data: { metadata } } : {}),
          },
          { idempotencyKey },
        ),
      );
      if (!session.url) {
        throw new ProviderError({
          provider: 'stripe',
          message: 'Checkout Session without a url',
          status: null,
          code: null,
        });
      }
      return { id: session.id, url: session.url };
    },

    async createPortalSession({ customerId, returnUrl }) {
      const session = await call(() =>
        stripe.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl }),
      );
      return { id: session.id, url: session.url };
    },

    async getSubscription(subscriptionId) {
      const subscription = await unless404(() => stripe.subscriptions.retrieve(subscriptionId), null);
      return subscription && toBillingSubscription(subscription);
    },

    async updateSubscriptionPrice({ idempotencyKey, subscriptionId, priceId, prorate = false }) {
      const current = await call(() => stripe.subscriptions.retrieve(subscriptionId));
      const [item] = current.items.data;
      const items = item ? [{ id: item.id, price: priceId }] : [{ price: priceId }];
      const updated = await call(() =>
        stripe.subscriptions.update(
          subscriptionId,
          { items, proration_behavior: prorate ? 'create_prorations' : 'none' },
          { idempotencyKey },
        ),
      );
      return toBillingSubscription(updated);
    },

    async cancelSubscription(subscriptionId, { idempotencyKey }) {
      return unless404(
        () => stripe.subscriptions.cancel(subscriptionId, {}, { idempotencyKey }).then(() => 'canceled' as const),
        'absent' as const,
      );
    },

    verifyWebhook(rawBody, signatureHeader, now) {
      try {
        const event = stripe.webhooks.constructEvent(
          rawBody,
          signatureHeader,
          webhookSecret,
          WEBHOOK_TOLERANCE_SECONDS,
          undefined,
          now?.getTime(),
        );
        return toBillingEvent(event);
      } catch (error) {
        throw new InvalidWebhookError((error as Error).message, { cause: error });
      }
    },
  };
}

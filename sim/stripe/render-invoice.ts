import { totalsOf } from './invoice-math';
import type { StripeInvoice, StripeInvoiceItem, StripePaymentIntent, StripeState } from './state';

const LINES_SHOWN = 10;

export function renderInvoice(stripe: StripeState, invoice: StripeInvoice) {
  const customer = stripe.customers.get(invoice.customer);
  const { lines, ...totals } = totalsOf(stripe, invoice);
  const subscription = invoice.subscription ? stripe.subscriptions.get(invoice.subscription) : undefined;
  return {
    id: invoice.id,
    object: 'invoice' as const,
    account_country: 'AT',
    account_name: 'VoicePlane (simulated Stripe account)',
    account_tax_ids: null,
    amount_due: totals.amountDue,
    amount_overpaid: 0,
    amount_paid: totals.amountPaid,
    amount_remaining: totals.amountRemaining,
    amount_shipping: 0,
    application: null,
    attempt_count: invoice.attemptCount,
    attempted: invoice.attemptCount > 0,
    auto_advance: invoice.autoAdvance,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: invoice.status === 'draft' && invoice.autoAdvance ? invoice.created + 3600 : null,
    billing_reason: invoice.billingReason,
    collection_method: invoice.collectionMethod,
    created: invoice.created,
    currency: invoice.currency,
    custom_fields: null,
    customer: invoice.customer,
    customer_account: null,
    customer_address: null,
    customer_email: customer?.email ?? null,
    customer_name: customer?.name ?? null,
    customer_phone: customer?.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: invoice.description,
    discounts: [],
    due_date: invoice.dueDate,
    effective_at: invoice.finalizedAt,
    ending_balance: invoice.finalizedAt === null ? null : 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: invoice.hostedInvoiceUrl,
    invoice_pdf: invoice.invoicePdf,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: {
      object: 'list' as const,
      data: lines.slice(0, LINES_SHOWN).map((item) => renderLine(item, stripe)),
      has_more: lines.length > LINES_SHOWN,
      total_count: lines.length,
      url: `/v1/invoices/${invoice.id}/lines`,
    },
    livemode: false,
    metadata: invoice.metadata,
    next_payment_attempt: invoice.nextPaymentAttempt,
    number: invoice.number,
    on_behalf_of: null,
    parent: subscription
      ? {
          type: 'subscription_details',
          quote_details: null,
          subscription_details: { metadata: subscription.metadata, subscription: subscription.id },
        }
      : null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: invoice.created,
    period_start: invoice.created,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: invoice.status,
    status_transitions: {
      finalized_at: invoice.finalizedAt,
      marked_uncollectible_at: null,
      paid_at: invoice.paidAt,
      voided_at: invoice.voidedAt,
    },
    subtotal: totals.subtotal,
    subtotal_excluding_tax: totals.subtotal,
    test_clock: null,
    total: totals.total,
    total_discount_amounts: [],
    total_excluding_tax: totals.total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: invoice.finalizedAt,
  };
}

/** The price an item was billed at, in the `pricing` shape items and lines share. */
function pricingOf(stripe: StripeState, item: StripeInvoiceItem) {
  const product = item.price ? (stripe.prices.get(item.price)?.product ?? null) : null;
  return {
    type: 'price_details' as const,
    ...(item.price ? { price_details: { price: item.price, product } } : {}),
    unit_amount_decimal: item.unitAmountDecimal,
  };
}

export function renderInvoiceItem(item: StripeInvoiceItem, stripe: StripeState) {
  return {
    id: item.id,
    object: 'invoiceitem' as const,
    amount: item.amount,
    currency: item.currency,
    customer: item.customer,
    customer_account: null,
    date: item.created,
    description: item.description,
    discountable: true,
    discounts: [],
    invoice: item.invoice,
    livemode: false,
    metadata: item.metadata,
    net_amount: item.amount,
    parent: item.subscription
      ? {
          type: 'subscription_details',
          subscription_details: { subscription: item.subscription.id, subscription_item: item.subscription.item },
        }
      : null,
    period: item.period,
    pricing: pricingOf(stripe, item),
    proration: false,
    quantity: item.quantity,
    quantity_decimal: String(item.quantity),
    tax_rates: [],
    test_clock: null,
  };
}

/** An invoice's line for one of its items (`il_` + the item's id, so it is stable). */
export function renderLine(item: StripeInvoiceItem, stripe: StripeState) {
  const fromSubscription = item.subscription !== null;
  return {
    id: `il_${item.id.slice('ii_'.length)}`,
    object: 'line_item' as const,
    amount: item.amount,
    currency: item.currency,
    description: item.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: item.invoice,
    livemode: false,
    metadata: item.metadata,
    parent: {
      type: fromSubscription ? 'subscription_item_details' : 'invoice_item_details',
      invoice_item_details: fromSubscription
        ? null
        : { invoice_item: item.id, proration: false, proration_details: { credited_items: null }, subscription: null },
      subscription_item_details: item.subscription
        ? {
            invoice_item: item.id,
            proration: false,
            proration_details: { credited_items: null },
            subscription: item.subscription.id,
            subscription_item: item.subscription.item,
          }
        : null,
    },
    period: item.period,
    pretax_credit_amounts: [],
    pricing: pricingOf(stripe, item),
    quantity: item.quantity,
    quantity_decimal: String(item.quantity),
    subscription: item.subscription?.id ?? null,
    subtotal: item.amount,
    taxes: [],
  };
}

export function renderPaymentIntent(intent: StripePaymentIntent) {
  return {
    id: intent.id,
    object: 'payment_intent' as const,
    amount: intent.amount,
    amount_capturable: 0,
    amount_received: intent.status === 'succeeded' ? intent.amount : 0,
    capture_method: 'automatic',
    client_secret: `${intent.id}_secret_simulated`,
    confirmation_method: 'automatic',
    created: intent.created,
    currency: intent.currency,
    customer: intent.customer,
    description: `Invoice ${intent.invoice}`,
    last_payment_error: intent.declined
      ? {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'generic_decline',
          message: 'Your card was declined.',
        }
      : null,
    latest_charge: intent.status === 'succeeded' ? `ch_${intent.id.slice('pi_'.length)}` : null,
    livemode: false,
    metadata: {},
    payment_method: intent.status === 'succeeded' ? 'pm_card_visa' : null,
    payment_method_types: ['card'],
    status: intent.status,
  };
}

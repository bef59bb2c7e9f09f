import { lineAmount } from './money';
import { renderPlan, renderPrice } from './render-catalog';
import type { StripeCheckoutSession, StripePortalSession, StripeState, StripeSubscription } from './state';

export function renderSubscription(stripe: StripeState, subscription: StripeSubscription) {
  const { currentPeriod } = subscription;
  const items = subscription.items.flatMap((item) => {
    const price = stripe.prices.get(item.price);
    if (!price) return [];
    return [
      {
        id: item.id,
        object: 'subscription_item' as const,
        billing_thresholds: null,
        created: item.created,
        current_period_end: currentPeriod.end,
        current_period_start: currentPeriod.start,
        discounts: [],
        metadata: {},
        plan: renderPlan(price),
        price: renderPrice(price),
        quantity: item.quantity,
        subscription: subscription.id,
        tax_rates: [],
      },
    ];
  });
  return {
    id: subscription.id,
    object: 'subscription' as const,
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: currentPeriod.start,
    billing_cycle_anchor_config: null,
    billing_mode: { type: 'flexible', flexible: { proration_discounts: 'included' }, updated_at: subscription.created },
    billing_thresholds: null,
    cancel_at: subscription.cancelAtPeriodEnd ? currentPeriod.end : null,
    cancel_at_period_end: subscription.cancelAtPeriodEnd,
    canceled_at: subscription.canceledAt,
    cancellation_details: {
      comment: null,
      feedback: null,
      reason: subscription.canceledAt === null ? null : 'cancellation_requested',
    },
    collection_method: subscription.collectionMethod,
    created: subscription.created,
    currency: subscription.currency,
    customer: subscription.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: subscription.description,
    discounts: [],
    ended_at: subscription.endedAt,
    invoice_settings: { account_tax_ids: null, issuer: { type: 'self' } },
    items: {
      object: 'list' as const,
      data: items,
      has_more: false,
      total_count: items.length,
      url: `/v1/subscription_items?subscription=${subscription.id}`,
    },
    latest_invoice: subscription.latestInvoice,
    livemode: false,
    metadata: subscription.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: subscription.created,
    status: subscription.status,
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { missing_payment_method: 'create_invoice' } },
    trial_start: null,
  };
}

export function renderCheckoutSession(stripe: StripeState, session: StripeCheckoutSession) {
  const prices = session.lineItems.map((line) => ({ line, price: stripe.prices.get(line.price) }));
  const amount = prices.reduce(
    (sum, { line, price }) => sum + lineAmount(line.quantity, price?.unitAmountDecimal ?? '0'),
    0,
  );
  const customer = session.customer ? stripe.customers.get(session.customer) : undefined;
  const complete = session.status === 'complete';
  return {
    id: session.id,
    object: 'checkout.session' as const,
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: amount,
    amount_total: amount,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: session.cancelUrl,
    client_reference_id: session.clientReferenceId,
    client_secret: null,
    consent: null,
    consent_collection: null,
    created: session.created,
    currency: prices[0]?.price?.currency ?? null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: session.customer,
    customer_creation: session.customer ? null : 'always',
    customer_details: complete
      ? { address: null, email: customer?.email ?? session.customerEmail, name: customer?.name ?? null, phone: null }
      : null,
    customer_email: session.customerEmail,
    expires_at: session.expiresAt,
    invoice: session.invoice,
    invoice_creation: null,
    livemode: false,
    locale: null,
    metadata: session.metadata,
    mode: session.mode,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'always',
    payment_method_types: ['card'],
    payment_status: complete ? 'paid' : 'unpaid',
    phone_number_collection: { enabled: false },
    recovered_from: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: session.status,
    submit_type: null,
    subscription: session.subscription,
    success_url: session.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: session.status === 'open' ? session.url : null,
  };
}

export function renderPortalSession(session: StripePortalSession) {
  return {
    id: session.id,
    object: 'billing_portal.session' as const,
    configuration: 'bpc_simulator',
    created: session.created,
    customer: session.customer,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: session.returnUrl,
    url: session.url,
  };
}

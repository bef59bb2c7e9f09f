import { wholeCents } from './money';
import type { StripeCustomer, StripePrice, StripeProduct } from './state';

// Objects in the shapes of Stripe's API reference; fields the simulator has no use for keep Stripe's empty values.

export function renderCustomer(customer: StripeCustomer) {
  if (customer.deleted) return renderDeleted(customer.id, 'customer');
  return {
    id: customer.id,
    object: 'customer' as const,
    address: null,
    balance: 0,
    created: customer.created,
    currency: customer.currency,
    default_source: null,
    delinquent: false,
    description: customer.description,
    discount: null,
    email: customer.email,
    invoice_prefix: customer.invoicePrefix,
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: customer.metadata,
    name: customer.name,
    next_invoice_sequence: customer.nextInvoiceSequence,
    phone: customer.phone,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

export const renderDeleted = (id: string, object: string) => ({ id, object, deleted: true as const });

export function renderProduct(product: StripeProduct) {
  return {
    id: product.id,
    object: 'product' as const,
    active: product.active,
    created: product.created,
    default_price: null,
    description: product.description,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: product.metadata,
    name: product.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: 'service',
    unit_label: null,
    updated: product.created,
    url: null,
  };
}

export function renderPrice(price: StripePrice) {
  return {
    id: price.id,
    object: 'price' as const,
    active: price.active,
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: price.lookupKey,
    metadata: price.metadata,
    nickname: price.nickname,
    product: price.product,
    recurring: price.recurring && {
      interval: price.recurring.interval,
      interval_count: price.recurring.intervalCount,
      meter: null,
      trial_period_days: null,
      usage_type: 'licensed',
    },
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: price.recurring ? 'recurring' : 'one_time',
    unit_amount: wholeCents(price.unitAmountDecimal),
    unit_amount_decimal: price.unitAmountDecimal,
  };
}

/** The legacy `plan` that subscription items still carry beside their price. */
export function renderPlan(price: StripePrice) {
  return {
    id: price.id,
    object: 'plan' as const,
    active: price.active,
    amount: wholeCents(price.unitAmountDecimal),
    amount_decimal: price.unitAmountDecimal,
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? 'month',
    interval_count: price.recurring?.intervalCount ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: 'licensed',
  };
}

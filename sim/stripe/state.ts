import { randomInt } from 'node:crypto';
import { seedCatalog } from './catalog-seed';

export type Metadata = Record<string, string>;
export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
export type SubscriptionStatus = 'incomplete' | 'active' | 'past_due' | 'canceled';
export type CollectionMethod = 'charge_automatically' | 'send_invoice';

export interface StripeCustomer {
  id: string;
  created: number;
  email: string | null;
  name: string | null;
  description: string | null;
  phone: string | null;
  currency: string | null;
  metadata: Metadata;
  invoicePrefix: string;
  nextInvoiceSequence: number;
  deleted: boolean;
}

export interface StripeProduct {
  id: string;
  created: number;
  name: string;
  description: string | null;
  active: boolean;
  metadata: Metadata;
}

export interface StripePrice {
  id: string;
  created: number;
  product: string;
  currency: string;
  /** Cents as a decimal string, so sub-cent prices stay exact. */
  unitAmountDecimal: string;
  recurring: { interval: 'day' | 'week' | 'month' | 'year'; intervalCount: number } | null;
  nickname: string | null;
  lookupKey: string | null;
  active: boolean;
  metadata: Metadata;
}

export interface StripeInvoiceItem {
  id: string;
  created: number;
  customer: string;
  /** null: pending, picked up by the customer's next invoice that includes pending items. */
  invoice: string | null;
  amount: number;
  currency: string;
  description: string | null;
  quantity: number;
  unitAmountDecimal: string;
  period: { start: number; end: number };
  price: string | null;
  subscription: { id: string; item: string } | null;
  metadata: Metadata;
}

export interface StripeInvoice {
  id: string;
  created: number;
  customer: string;
  currency: string;
  status: InvoiceStatus;
  autoAdvance: boolean;
  collectionMethod: CollectionMethod;
  daysUntilDue: number | null;
  dueDate: number | null;
  description: string | null;
  metadata: Metadata;
  billingReason: 'manual' | 'subscription_create' | 'subscription_cycle';
  subscription: string | null;
  number: string | null;
  hostedInvoiceUrl: string | null;
  invoicePdf: string | null;
  attemptCount: number;
  amountPaid: number;
  paymentIntent: string | null;
  nextPaymentAttempt: number | null;
  finalizedAt: number | null;
  paidAt: number | null;
  voidedAt: number | null;
}

export interface StripeSubscriptionItem {
  id: string;
  created: number;
  price: string;
  quantity: number;
}

export interface StripeSubscription {
  id: string;
  created: number;
  customer: string;
  status: SubscriptionStatus;
  items: StripeSubscriptionItem[];
  currency: string;
  collectionMethod: CollectionMethod;
  metadata: Metadata;
  description: string | null;
  currentPeriod: { start: number; end: number };
  cancelAtPeriodEnd: boolean;
  canceledAt: number | null;
  endedAt: number | null;
  latestInvoice: string | null;
}

export interface StripePaymentIntent {
  id: string;
  created: number;
  amount: number;
  currency: string;
  customer: string;
  invoice: string;
  status: 'succeeded' | 'requires_payment_method';
  declined: boolean;
}

export interface StripeCheckoutSession {
  id: string;
  created: number;
  expiresAt: number;
  url: string;
  mode: 'subscription';
  customer: string | null;
  customerEmail: string | null;
  lineItems: { price: string; quantity: number }[];
  successUrl: string;
  cancelUrl: string | null;
  clientReferenceId: string | null;
  metadata: Metadata;
  subscriptionMetadata: Metadata;
  status: 'open' | 'complete' | 'expired';
  subscription: string | null;
  invoice: string | null;
  /** The decline shown on the hosted page after a failed Pay, until the next attempt. */
  declined: boolean;
}

export interface StripePortalSession {
  id: string;
  created: number;
  customer: string;
  returnUrl: string | null;
  url: string;
}

/** An event as rendered once, when it happened: `data.object` is the snapshot of that moment. */
export interface StripeEvent {
  id: string;
  type: string;
  created: number;
  object: Record<string, unknown>;
  previousAttributes: Record<string, unknown> | null;
  idempotencyKey: string | null;
  pendingWebhooks: number;
}

export interface StripeWebhookEndpoint {
  id: string;
  created: number;
  url: string;
  secret: string;
  enabledEvents: string[];
  description: string | null;
  metadata: Metadata;
}

export interface WebhookDelivery {
  eventId: string;
  type: string;
  endpoint: string;
  url: string;
  status: 'pending' | 'delivered' | 'failed';
  /** `httpStatus` 0: no answer (refused connection, timeout). */
  attempts: { at: number; httpStatus: number; ms: number }[];
}

export interface IdempotentResult {
  fingerprint: string;
  /** null while the first request with the key is still running. */
  status: number | null;
  body: string;
  createdAt: number;
}

export interface StripeState {
  customers: Map<string, StripeCustomer>;
  products: Map<string, StripeProduct>;
  prices: Map<string, StripePrice>;
  invoiceItems: Map<string, StripeInvoiceItem>;
  invoices: Map<string, StripeInvoice>;
  subscriptions: Map<string, StripeSubscription>;
  paymentIntents: Map<string, StripePaymentIntent>;
  checkoutSessions: Map<string, StripeCheckoutSession>;
  portalSessions: Map<string, StripePortalSession>;
  /** Oldest first; lists answer newest first as Stripe does. */
  events: StripeEvent[];
  webhookEndpoints: Map<string, StripeWebhookEndpoint>;
  deliveries: WebhookDelivery[];
  /** Per API key and Idempotency-Key. */
  idempotency: Map<string, IdempotentResult>;
  /** What charging a customer's saved card does; `succeed` unless a test says otherwise. */
  paymentOutcomes: Map<string, 'succeed' | 'fail'>;
  /** The endpoint the simulator was started with, restored by a reset. */
  startupEndpoint: { url: string; secret: string } | null;
}

export const SIMULATOR_ENDPOINT_ID = 'we_simulator';

export function createStripeState(startupEndpoint: { url: string; secret: string } | null = null): StripeState {
  const { products, prices } = seedCatalog();
  const state: StripeState = {
    customers: new Map(),
    products,
    prices,
    invoiceItems: new Map(),
    invoices: new Map(),
    subscriptions: new Map(),
    paymentIntents: new Map(),
    checkoutSessions: new Map(),
    portalSessions: new Map(),
    events: [],
    webhookEndpoints: new Map(),
    deliveries: [],
    idempotency: new Map(),
    paymentOutcomes: new Map(),
    startupEndpoint,
  };
  if (startupEndpoint) setSimulatorEndpoint(state, startupEndpoint);
  return state;
}

/** The endpoint configured by option or control route (not through the API), with a fixed id. */
export function setSimulatorEndpoint(state: StripeState, endpoint: { url: string; secret: string } | null): void {
  if (!endpoint) {
    state.webhookEndpoints.delete(SIMULATOR_ENDPOINT_ID);
    return;
  }
  state.webhookEndpoints.set(SIMULATOR_ENDPOINT_ID, {
    id: SIMULATOR_ENDPOINT_ID,
    created: now(),
    url: endpoint.url,
    secret: endpoint.secret,
    enabledEvents: ['*'],
    description: 'Configured in the simulator',
    metadata: {},
  });
}

export function newCustomer(
  fields: Partial<Pick<StripeCustomer, 'email' | 'name' | 'description' | 'phone' | 'metadata'>>,
) {
  const customer: StripeCustomer = {
    id: stripeId('cus', 14),
    created: now(),
    email: fields.email ?? null,
    name: fields.name ?? null,
    description: fields.description ?? null,
    phone: fields.phone ?? null,
    currency: null,
    metadata: fields.metadata ?? {},
    invoicePrefix: stripeId('x', 8).slice(2).toUpperCase(),
    nextInvoiceSequence: 1,
    deleted: false,
  };
  return customer;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Ids shaped like Stripe's: a type prefix and random base-62 characters (`cus_NffrFeUfNV2Hib`). */
export function stripeId(prefix: string, length = 24): string {
  let id = `${prefix}_`;
  for (let i = 0; i < length; i += 1) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/** Stripe's timestamps: Unix seconds. */
export const now = () => Math.floor(Date.now() / 1000);

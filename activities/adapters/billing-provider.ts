import { createHash } from 'node:crypto';
import type { CheckoutSessionInput, StripeCustomerInput } from '../../domain/billing/checkout-port';

// The billing provider (Stripe) in the platform's own terms: no SDK type crosses this line, so nothing outside
// `stripe-billing.ts` imports `stripe`. Amounts are in the currency's smallest unit (cents), as Stripe counts.

export type BillingInvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
export type BillingCollection = { method: 'charge_automatically' } | { method: 'send_invoice'; daysUntilDue: number };

export interface BillingInvoice {
  id: string;
  customerId: string;
  status: BillingInvoiceStatus;
  /** Assigned when the invoice is finalized. */
  number: string | null;
  currency: string;
  subtotalCents: number;
  totalCents: number;
  amountDueCents: number;
  amountPaidCents: number;
  amountRemainingCents: number;
  /** Failed and successful charge attempts so far. */
  attemptCount: number;
  collectionMethod: BillingCollection['method'];
  autoAdvance: boolean;
  hostedInvoiceUrl: string | null;
  pdfUrl: string | null;
  subscriptionId: string | null;
  metadata: Record<string, string>;
  createdAt: Date;
  finalizedAt: Date | null;
  paidAt: Date | null;
  nextPaymentAttemptAt: Date | null;
}

export interface BillingInvoiceLine {
  id: string;
  description: string | null;
  amountCents: number;
  currency: string;
  quantity: number | null;
  period: { start: Date; end: Date };
  metadata: Record<string, string>;
}

export interface BillingInvoiceItem {
  id: string;
  customerId: string;
  /** null while pending (it goes on the customer's next invoice that includes pending items). */
  invoiceId: string | null;
  amountCents: number;
  currency: string;
  description: string | null;
  quantity: number;
  metadata: Record<string, string>;
}

/** One charge on an invoice: a whole amount, or a quantity at a unit price that may have fractions of a cent. */
export type InvoiceItemInput = {
  idempotencyKey: string;
  customerId: string;
  /** A draft invoice to put the item on; without it the item waits for the customer's next invoice. */
  invoiceId?: string;
  currency: string;
  description: string;
  period?: { start: Date; end: Date };
  metadata?: Record<string, string>;
} & ({ amountCents: number } | { quantity: number; unitAmountCentsDecimal: string });

export interface BillingSubscription {
  id: string;
  customerId: string;
  /** Stripe's statuses: incomplete, incomplete_expired, trialing, active, past_due, canceled, unpaid, paused. */
  status: string;
  items: { id: string; priceId: string; quantity: number }[];
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
  metadata: Record<string, string>;
}

export interface BillingCheckoutSession {
  id: string;
  /** The hosted page to send the customer to; null once the session is complete or expired. */
  url: string | null;
  status: 'open' | 'complete' | 'expired';
  customerId: string | null;
  subscriptionId: string | null;
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  /** What the session charges before discounts and tax, in `currency` (null before Stripe has computed it). */
  amountSubtotalCents: number | null;
  currency: string | null;
}

/** A verified webhook event, its object already in the platform's terms when the platform cares about it. */
export type BillingEvent = { id: string; type: string; createdAt: Date } & (
  | { object: 'invoice'; invoice: BillingInvoice }
  | { object: 'subscription'; subscription: BillingSubscription }
  | { object: 'checkout_session'; checkoutSession: BillingCheckoutSession }
  | { object: 'other'; objectType: string; objectId: string | null; customerId: string | null }
);

/** A webhook whose signature does not verify (wrong secret, altered body, too old): answer it 400. */
export class InvalidWebhookError extends Error {
  override readonly name = 'InvalidWebhookError';
}

/**
 * What billing needs of the provider. Calls that create or change something take the caller's idempotency key
 * (derived from stable workflow data), so a retried activity never bills twice. Failures are `ProviderError`s.
 */
export interface BillingProvider {
  /** Creates the customer once per idempotency key; repeating the call returns the same customer. */
  createCustomer(input: StripeCustomerInput): Promise<{ id: string }>;
  /** Deletes the customer; one that is already gone is no error. */
  deleteCustomer(customerId: string): Promise<void>;

  createInvoiceItem(input: InvoiceItemInput): Promise<BillingInvoiceItem>;
  createInvoice(input: {
    idempotencyKey: string;
    customerId: string;
    currency: string;
    collection: BillingCollection;
    /** When true, the provider finalizes and charges on its own schedule after finalizing. */
    autoAdvance: boolean;
    /** `include` puts the customer's pending items on this invoice. */
    pendingItems: 'include' | 'exclude';
    description?: string;
    metadata?: Record<string, string>;
  }): Promise<BillingInvoice>;
  finalizeInvoice(
    invoiceId: string,
    options: { idempotencyKey: string; autoAdvance?: boolean },
  ): Promise<BillingInvoice>;
  /** Charges an open (or draft) invoice now; a declined card is an outcome, not an error. */
  payInvoice(
    invoiceId: string,
    options: { idempotencyKey: string },
  ): Promise<{ outcome: 'paid'; invoice: BillingInvoice } | { outcome: 'declined'; message: string }>;
  voidInvoice(invoiceId: string, options: { idempotencyKey: string }): Promise<BillingInvoice>;
  /** Only drafts can be deleted; finalized invoices are voided instead. */
  deleteDraftInvoice(invoiceId: string): Promise<'deleted' | 'absent'>;
  getInvoice(invoiceId: string): Promise<BillingInvoice | null>;
  listInvoices(filter: {
    customerId: string;
    status?: BillingInvoiceStatus;
    limit?: number;
  }): Promise<BillingInvoice[]>;
  /** Every line of the invoice, across pages. */
  listInvoiceLines(invoiceId: string): Promise<BillingInvoiceLine[]>;

  /** A hosted page where the customer subscribes to `priceId`; `successUrl` may contain `{CHECKOUT_SESSION_ID}`. */
  createCheckoutSession(input: CheckoutSessionInput): Promise<{ id: string; url: string }>;
  /** The customer portal (manage or cancel the subscription), returning to `returnUrl`. */
  createPortalSession(input: { customerId: string; returnUrl: string }): Promise<{ id: string; url: string }>;
  getSubscription(subscriptionId: string): Promise<BillingSubscription | null>;
  /** Moves the subscription's (first) item to another price, without proration unless asked. */
  updateSubscriptionPrice(input: {
    idempotencyKey: string;
    subscriptionId: string;
    priceId: string;
    prorate?: boolean;
  }): Promise<BillingSubscription>;
  /** Ends the subscription now; one that is already gone or canceled is `absent`. */
  cancelSubscription(subscriptionId: string, options: { idempotencyKey: string }): Promise<'canceled' | 'absent'>;

  /** Checks the `Stripe-Signature` of a webhook (5 minutes' tolerance) and reads its event; throws `InvalidWebhookError`. */
  verifyWebhook(rawBody: string | Buffer, signatureHeader: string, now?: Date): BillingEvent;
}

/**
 * Stand-in for tests that never reach billing beyond onboarding (tests/support/harness.ts): deterministic
 * customer ids from the idempotency key, so retries behave as Stripe's idempotent requests do. Everything else
 * needs the Stripe adapter (`createStripeBillingProvider`, against the simulator in tests).
 */
export function createLocalBillingProvider(): BillingProvider {
  const unsupported = (name: string) => () => {
    throw new Error(`${name} is not available in the local billing stand-in; use createStripeBillingProvider`);
  };
  return {
    async createCustomer({ idempotencyKey }) {
      return { id: `cus_local_${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 14)}` };
    },
    async deleteCustomer() {},
    createInvoiceItem: unsupported('createInvoiceItem'),
    createInvoice: unsupported('createInvoice'),
    finalizeInvoice: unsupported('finalizeInvoice'),
    payInvoice: unsupported('payInvoice'),
    voidInvoice: unsupported('voidInvoice'),
    deleteDraftInvoice: unsupported('deleteDraftInvoice'),
    getInvoice: unsupported('getInvoice'),
    listInvoices: unsupported('listInvoices'),
    listInvoiceLines: unsupported('listInvoiceLines'),
    createCheckoutSession: unsupported('createCheckoutSession'),
    createPortalSession: unsupported('createPortalSession'),
    getSubscription: unsupported('getSubscription'),
    updateSubscriptionPrice: unsupported('updateSubscriptionPrice'),
    cancelSubscription: unsupported('cancelSubscription'),
    verifyWebhook: unsupported('verifyWebhook'),
  };
}

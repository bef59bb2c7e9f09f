/**
 * What Checkout and the customer portal need of Stripe, in the platform's terms. The API calls it while the
 * customer waits (temporal/stripe-billing-sessions.ts implements it over the billing adapter, which api/ may not
 * import). A customer Stripe does not know (a stand-in id from before Stripe was wired) is an answer, not an
 * error; other failures are `AppError('unavailable')`, so the customer may simply try again.
 */
/** A tenant's Stripe customer, made once per idempotency key (the billing adapter takes the same input). */
export interface StripeCustomerInput {
  idempotencyKey: string;
  tenantId: string;
  email: string;
  name: string;
}

/** A Checkout Session in subscription mode; `successUrl` may contain `{CHECKOUT_SESSION_ID}`. */
export interface CheckoutSessionInput {
  idempotencyKey: string;
  customerId: string;
  priceId: string;
  successUrl: string;
  cancelUrl: string;
  clientReferenceId: string;
  metadata?: Record<string, string>;
}

export interface BillingSessions {
  /** Creates the customer once per idempotency key; repeating the call returns the same customer. */
  createCustomer(input: StripeCustomerInput): Promise<{ id: string }>;
  /** Checkout in subscription mode for one price; the same idempotency key gives the same session. */
  createCheckoutSession(input: CheckoutSessionInput): Promise<{ id: string; url: string } | 'unknown_customer'>;
  createPortalSession(input: { customerId: string; returnUrl: string }): Promise<{ url: string } | 'unknown_customer'>;
}

/** The billing page of the customer portal, where Checkout and the Stripe portal send the customer back. */
export const billingPageUrl = (webBaseUrl: string, query = '') =>
  `${webBaseUrl.replace(/\/$/, '')}/app/billing${query ? `?${query}` : ''}`;

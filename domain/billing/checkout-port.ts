/**
 * What Checkout and the customer portal need of Stripe, in the platform's terms. The API calls it while the
 * customer waits (temporal/stripe-billing-sessions.ts implements it over the billing adapter, which api/ may not
 * import). A customer Stripe does not know (a stand-in id from before Stripe was wired) is an answer, not an
 * error; other failures are `AppError('unavailable')`, so the customer may simply try again.
 */
export interface BillingSessions {
  /** Creates the customer once per idempotency key; repeating the call returns the same customer. */
  createCustomer(input: { idempotencyKey: string; tenantId: string; email: string; name: string }): Promise<{
    id: string;
  }>;
  /** Checkout in subscription mode for one price; the same idempotency key gives the same session. */
  createCheckoutSession(input: {
    idempotencyKey: string;
    customerId: string;
    priceId: string;
    successUrl: string;
    cancelUrl: string;
    clientReferenceId: string;
    metadata: Record<string, string>;
  }): Promise<{ id: string; url: string } | 'unknown_customer'>;
  createPortalSession(input: { customerId: string; returnUrl: string }): Promise<{ url: string } | 'unknown_customer'>;
}

/** The billing page of the customer portal, where Checkout and the Stripe portal send the customer back. */
export const billingPageUrl = (webBaseUrl: string, query = '') =>
  `${webBaseUrl.replace(/\/$/, '')}/app/billing${query ? `?${query}` : ''}`;

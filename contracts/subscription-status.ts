/**
 * A subscription's status, in Stripe's words: `incomplete` (a paid plan waiting for its first payment in Checkout),
 * `active`, `past_due` (a payment failed: dunning runs, and calls stop once the grace period has passed), `canceled`.
 * Stripe's `incomplete_expired` is kept as `canceled` and `unpaid` as `past_due`; trials and pauses are not offered.
 */
export const SUBSCRIPTION_STATUSES = ['incomplete', 'active', 'past_due', 'canceled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** The statuses of the one subscription a tenant is billed and gated by (a unique index allows one per tenant). */
export const SUBSCRIPTION_IN_FORCE = ['active', 'past_due'] as const satisfies readonly SubscriptionStatus[];

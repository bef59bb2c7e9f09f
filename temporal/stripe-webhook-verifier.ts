import { createStripeBillingProvider, type StripeBillingConfig } from '../activities/adapters/stripe-billing';
import type { VerifiedStripeEvent } from '../domain/billing/apply-stripe-event';

export interface StripeWebhookVerifier {
  verify(rawBody: string, signature: string): VerifiedStripeEvent;
}

/**
 * The API checks Stripe's signatures with the billing adapter. The API may not import adapters (the dependency
 * map keeps it to temporal/, domain/ and below), so the processes get the verifier from here, where the worker's
 * adapters are composed too.
 */
export function createStripeWebhookVerifier(config: StripeBillingConfig): StripeWebhookVerifier {
  const stripe = createStripeBillingProvider(config);
  return { verify: (rawBody, signature) => stripe.verifyWebhook(rawBody, signature) };
}

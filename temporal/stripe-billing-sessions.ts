import { ProviderError } from '../activities/adapters/provider-error';
import { createStripeBillingProvider, type StripeBillingConfig } from '../activities/adapters/stripe-billing';
import type { BillingSessions } from '../domain/billing/checkout-port';
import { AppError } from '../domain/errors/app-error';

/** Stripe's answer for a customer it does not know: `resource_missing`, "No such customer: 'cus_…'". */
const unknownCustomer = (error: unknown) =>
  error instanceof ProviderError && error.code === 'resource_missing' && /customer/i.test(error.message);

/**
 * Checkout and portal sessions for the API, over the same billing adapter the worker uses (api/ may not import
 * adapters, so the processes compose it here, like the webhook verifier). Passing failures become 503 problems the
 * customer may retry; a refused request stays an error, which the API logs as a 500.
 */
export function createStripeBillingSessions(config: StripeBillingConfig): BillingSessions {
  const stripe = createStripeBillingProvider(config);
  const call = async <T>(request: () => Promise<T>): Promise<T | 'unknown_customer'> => {
    try {
      return await request();
    } catch (error) {
      if (unknownCustomer(error)) return 'unknown_customer';
      if (error instanceof ProviderError && error.retryable) {
        throw new AppError('unavailable', 'Stripe is not answering right now; try again in a moment', { cause: error });
      }
      throw error;
    }
  };
  return {
    async createCustomer(input) {
      const customer = await call(() => stripe.createCustomer(input));
      if (customer === 'unknown_customer') throw new Error('Stripe answered a customer creation with no such customer');
      return customer;
    },
    createCheckoutSession: (input) => call(() => stripe.createCheckoutSession(input)),
    createPortalSession: (input) =>
      call(async () => {
        const { url } = await stripe.createPortalSession(input);
        return { url };
      }),
  };
}

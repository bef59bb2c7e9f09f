import { createHash } from 'node:crypto';

/** The slice of a billing provider (Stripe) that onboarding needs. */
export interface BillingProvider {
  /** Creates the customer once per idempotency key; repeating the call returns the same customer. */
  createCustomer(input: {
    idempotencyKey: string;
    email: string;
    name: string;
    tenantId: string;
  }): Promise<{ id: string }>;
  deleteCustomer(customerId: string): Promise<void>;
}

/**
 * Stand-in used until the Stripe integration lands: deterministic ids derived from the idempotency key,
 * so retries behave exactly as Stripe's idempotent requests do.
 */
export function createLocalBillingProvider(): BillingProvider {
  return {
    async createCustomer({ idempotencyKey }) {
      return { id: `cus_local_${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 14)}` };
    },
    async deleteCustomer() {},
  };
}

import { BillingAccount } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';

/** The idempotency key of a tenant's Stripe customer, the one onboarding uses, so both paths make the same one. */
export const stripeCustomerKey = (tenantId: string) => `tenant-${tenantId}-customer`;

/**
 * Keeps the Stripe customer made for a tenant whose billing account had none Stripe knows (or no account at all),
 * replacing a stand-in id. The caller's transaction commits it.
 */
export async function linkStripeCustomer(
  em: ScopedEm,
  input: { tenantId: string; customerId: string; email: string; currency: string },
): Promise<void> {
  await em.upsert(
    BillingAccount,
    {
      tenantId: input.tenantId,
      stripeCustomerId: input.customerId,
      email: input.email,
      currency: input.currency.toUpperCase(),
    },
    { onConflictFields: ['tenantId'], onConflictMergeFields: ['stripeCustomerId'] },
  );
}

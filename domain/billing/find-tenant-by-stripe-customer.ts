import { BillingAccount } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';

/**
 * The tenant whose billing account is this Stripe customer, or null. Looked up across tenants (system scope):
 * a Stripe webhook names a customer, never a tenant, and nothing in it is trusted before the signature checked out.
 */
export async function findTenantByStripeCustomer(
  deps: { orm: Orm },
  { customerId }: { customerId: string },
): Promise<string | null> {
  return inScope(deps.orm, { system: 'stripe-webhooks' }, async (em) => {
    const account = await em.findOne(BillingAccount, { stripeCustomerId: customerId }, { fields: ['tenantId'] });
    return account?.tenantId ?? null;
  });
}

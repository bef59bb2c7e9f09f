import { BillingAccount } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';

/** Keeps the billing customer the provider created; a second one for the tenant is ignored (one per tenant). */
export async function recordBillingAccount(
  deps: { orm: Orm },
  input: { actor: SystemActor; tenantId: string; customerId: string; email: string; currency: string },
): Promise<void> {
  await inScope(deps.orm, input.actor, async (em) => {
    await em.upsert(
      BillingAccount,
      { tenantId: input.tenantId, stripeCustomerId: input.customerId, email: input.email, currency: input.currency },
      { onConflictFields: ['tenantId'], onConflictAction: 'ignore' },
    );
  });
}

import { BillingAccount, Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';

/** The billing customer of a tenant that is still pending, the only kind whose customer may be deleted. */
export async function findPendingBillingCustomer(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<string | null> {
  return inScope(deps.orm, actor, async (em) => {
    const tenant = await em.findOne(Tenant, { id: tenantId });
    if (tenant?.status !== 'pending_verification') return null;
    return (await em.findOne(BillingAccount, { tenantId }))?.stripeCustomerId ?? null;
  });
}

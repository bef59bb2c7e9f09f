import { BillingAccount, Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { notFound } from '../errors/app-error';

/** Who the tenant's billing customer is, and its provider id once one was created (null before). */
export async function getBillingCustomer(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<{ name: string; email: string; customerId: string | null }> {
  return inScope(deps.orm, actor, async (em) => {
    const tenant = await em.findOne(Tenant, { id: tenantId });
    if (!tenant) throw notFound('Tenant');
    const account = await em.findOne(BillingAccount, { tenantId });
    return { name: tenant.name, email: tenant.contactEmail, customerId: account?.stripeCustomerId ?? null };
  });
}

import { BillingAccount } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { assertOffboarding } from './assert-offboarding';

/** The Stripe customer of an offboarding tenant's billing account (none without one), to be deleted at Stripe. */
export async function findOffboardingCustomers(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<string[]> {
  return inScope(deps.orm, actor, async (em) => {
    await assertOffboarding(em, tenantId);
    const accounts = await em.find(BillingAccount, { tenantId }, { fields: ['stripeCustomerId'] });
    return [...new Set(accounts.map((account) => account.stripeCustomerId))];
  });
}

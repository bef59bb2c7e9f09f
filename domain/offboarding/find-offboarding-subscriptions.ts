import { Subscription } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';

/** Every Stripe subscription the tenant's subscriptions name (ended ones too: cancelling those again is harmless). */
export async function findOffboardingSubscriptions(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<string[]> {
  return inScope(deps.orm, actor, async (em) => {
    const rows = await em.find(Subscription, { tenantId, stripeSubscriptionId: { $ne: null } });
    return [...new Set(rows.map((row) => row.stripeSubscriptionId!))];
  });
}

import { LockMode } from '@mikro-orm/core';
import { Subscription } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';

/**
 * Stripe cancelled the subscription behind the tenant's (a downgrade to a free plan): the tenant's subscription
 * no longer names it, so its fee returns to the platform invoice and its late `customer.subscription.deleted`
 * changes nothing. Idempotent: a subscription that no longer names it is left alone.
 */
export async function unlinkStripeSubscription(
  deps: { orm: Orm },
  { actor, tenantId, stripeSubscriptionId }: { actor: SystemActor; tenantId: string; stripeSubscriptionId: string },
): Promise<void> {
  await inScope(deps.orm, actor, async (em) => {
    // Locked: a `customer.subscription.deleted` may be unlinking it at the same moment, and one of them does it.
    const subscription = await em.findOne(
      Subscription,
      { tenantId, stripeSubscriptionId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!subscription) return;
    subscription.stripeSubscriptionId = null;
    recordAudit(em, {
      actor,
      tenantId,
      action: 'subscription.stripe_unlinked',
      targetType: 'subscription',
      targetId: subscription.id,
      details: { stripeSubscriptionId },
    });
    await em.flush();
  });
}

import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { suspensionDueAt } from './dunning-plan';
import { lockPastDueSubscription, standingOf, type DunningStanding } from './dunning-standing';

/**
 * The first step of a tenant's dunning: if its subscription is past due, records when the calls will stop
 * (`graceMs` after the payment fell past due), once per past-due episode, audited as `subscription.dunning_started`.
 * A run that starts again within the same episode keeps the time recorded first.
 */
export async function beginDunning(
  deps: { orm: Orm },
  { actor, tenantId, graceMs }: { actor: SystemActor; tenantId: string; graceMs: number },
): Promise<DunningStanding> {
  return inScope(deps.orm, { tenantId }, async (em) => {
    const subscription = await lockPastDueSubscription(em, tenantId);
    const standing = standingOf(subscription);
    if (!subscription || standing.kind === 'settled' || standing.suspensionDueAt) return standing;
    subscription.suspensionDueAt = suspensionDueAt(subscription.pastDueSince!, graceMs);
    // A suspension an earlier episode left behind (it ended without a payment) is not this episode's.
    subscription.suspendedAt = null;
    recordAudit(em, {
      actor,
      tenantId,
      action: 'subscription.dunning_started',
      targetType: 'subscription',
      targetId: subscription.id,
      details: { pastDueSince: standing.pastDueSince, suspensionDueAt: subscription.suspensionDueAt.toISOString() },
    });
    await em.flush();
    return standingOf(subscription);
  });
}

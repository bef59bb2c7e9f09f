import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { dunningSuspensionMail } from './dunning-mails';
import { dunningEpisodeKey, lockPastDueSubscription } from './dunning-standing';
import { isSuspendedForNonpayment } from './gates';
import { queueDunningMail } from './queue-dunning-mail';

export type SuspensionResult =
  { outcome: 'not_past_due' } | { outcome: 'suspended'; suspendedAt: string; outboxIds: string[] };

/**
 * Dunning's last step: suspends the calls of a subscription still past due (the call gate reads `suspended_at`),
 * audited as `subscription.suspended`, and queues the notice to the customer admins in the same transaction.
 * A retry finds the suspension and the notice made before and changes nothing.
 */
export async function suspendForNonpayment(
  deps: { orm: Orm; publicBaseUrl: string },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<SuspensionResult> {
  return inScope(deps.orm, { tenantId }, async (em) => {
    const subscription = await lockPastDueSubscription(em, tenantId);
    if (!subscription) return { outcome: 'not_past_due' };
    if (!isSuspendedForNonpayment(subscription)) {
      subscription.suspendedAt = new Date();
      recordAudit(em, {
        actor,
        tenantId,
        action: 'subscription.suspended',
        targetType: 'subscription',
        targetId: subscription.id,
        details: { reason: 'payment_overdue', pastDueSince: subscription.pastDueSince!.toISOString() },
      });
    }
    const { outboxIds } = await queueDunningMail(em, {
      tenantId,
      key: `${dunningEpisodeKey(subscription)}/suspended`,
      publicBaseUrl: deps.publicBaseUrl,
      compose: dunningSuspensionMail,
    });
    return { outcome: 'suspended', suspendedAt: subscription.suspendedAt!.toISOString(), outboxIds };
  });
}

import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { dunningReminderMail } from './dunning-mails';
import { dunningEpisodeKey, lockPastDueSubscription } from './dunning-standing';
import { callsRefusedFrom } from './gates';
import { queueDunningMail } from './queue-dunning-mail';

export type DunningStepResult = { outcome: 'not_past_due' } | { outcome: 'queued'; outboxIds: string[] };

/**
 * Reminder `number` of `total` to the tenant's customer admins, with the unpaid invoices' payment links and when
 * the calls stop; only while the subscription is still past due. Queued once per episode and number (a retry
 * returns the same rows) and audited as `subscription.dunning_reminder` when first queued.
 */
export async function queueDunningReminder(
  deps: { orm: Orm; publicBaseUrl: string },
  input: { actor: SystemActor; tenantId: string; number: number; total: number },
): Promise<DunningStepResult> {
  const { actor, tenantId, number, total } = input;
  return inScope(deps.orm, { tenantId }, async (em) => {
    const subscription = await lockPastDueSubscription(em, tenantId);
    const suspendsAt = subscription && callsRefusedFrom(subscription);
    if (!subscription || !suspendsAt) return { outcome: 'not_past_due' };
    const key = `${dunningEpisodeKey(subscription)}/reminder-${number}`;
    const { outboxIds, queuedNow } = await queueDunningMail(em, {
      tenantId,
      key,
      publicBaseUrl: deps.publicBaseUrl,
      compose: (context) => dunningReminderMail({ ...context, number, total, suspendsAt }),
    });
    if (queuedNow) {
      recordAudit(em, {
        actor,
        tenantId,
        action: 'subscription.dunning_reminder',
        targetType: 'subscription',
        targetId: subscription.id,
        details: { number, total, recipients: outboxIds.length },
      });
      await em.flush();
    }
    return { outcome: 'queued', outboxIds };
  });
}

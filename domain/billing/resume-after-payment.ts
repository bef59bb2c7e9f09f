import { LockMode } from '@mikro-orm/core';
import { SUBSCRIPTION_IN_FORCE } from '../../contracts/subscription-status';
import { EmailOutbox, Subscription } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { dunningRestoredMail } from './dunning-mails';
import { queueDunningMail } from './queue-dunning-mail';

export type ResumeResult = { outcome: 'still_past_due' } | { outcome: 'settled'; outboxIds: string[] };

/**
 * After a payment (`invoice.paid`, applied first): once the subscription is no longer past due, lifts a suspension
 * dunning made, audited as `subscription.resumed`, and queues the "payment received, calls are back" notice in the
 * same transaction. Runs whether a dunning is running or not, so no suspension outlives its payment. The result
 * names every such notice still queued, so a retried delivery hands over what an interrupted one did not.
 */
export async function resumeAfterPayment(
  deps: { orm: Orm; publicBaseUrl: string },
  { actor, tenantId, stripeEventId }: { actor: SystemActor; tenantId: string; stripeEventId: string },
): Promise<ResumeResult> {
  return inScope(deps.orm, { tenantId }, async (em) => {
    const subscription = await em.findOne(
      Subscription,
      { tenantId, status: { $in: [...SUBSCRIPTION_IN_FORCE] } },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (subscription?.status === 'past_due') return { outcome: 'still_past_due' };
    const suspendedAt = subscription?.suspendedAt;
    if (subscription && suspendedAt) {
      recordAudit(em, {
        actor,
        tenantId,
        action: 'subscription.resumed',
        targetType: 'subscription',
        targetId: subscription.id,
        details: { suspendedAt: suspendedAt.toISOString(), stripeEventId },
      });
      await queueDunningMail(em, {
        tenantId,
        key: `dunning/${subscription.id}/restored/${suspendedAt.getTime()}`,
        publicBaseUrl: deps.publicBaseUrl,
        compose: dunningRestoredMail,
      });
    }
    // A suspension planned but never made (paid in time) goes too, so the next episode starts clean.
    if (subscription) Object.assign(subscription, { suspendedAt: null, suspensionDueAt: null });
    await em.flush();
    const queued = await em.find(EmailOutbox, {
      tenantId,
      status: 'queued',
      idempotencyKey: { $like: 'dunning/%/restored/%' },
    });
    return { outcome: 'settled', outboxIds: queued.map((mail) => mail.id) };
  });
}

import type { WebhookEventView } from '../../contracts/webhooks';
import { WebhookEvent } from '../../db/entities/webhook-event';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { AppError, notFound } from '../errors/app-error';
import { operatorLink } from '../provisioning/job-view';
import { INBOX_CHANNEL } from './inbox-channel';
import type { WebhookInboxDeps } from './list-webhook-events';
import { toWebhookEventView } from './webhook-event-view';

/**
 * Puts a failed (or delivered) inbox row back to pending with no attempts and notifies its relay group, so the
 * relay delivers it again. Delivery is idempotent (decision 008), so replaying a delivered row is harmless. A
 * pending row is already on its way: 409.
 */
export async function replayWebhookEvent(
  deps: WebhookInboxDeps,
  { actor, eventId }: { actor: Actor; eventId: string },
): Promise<WebhookEventView> {
  assertCan(actor, 'webhooks:replay');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const event = await em.findOne(WebhookEvent, { id: eventId });
    if (!event) throw notFound('Webhook event');
    if (event.status === 'pending') throw new AppError('conflict', 'This event is still pending delivery');
    const previous = { status: event.status, attempts: event.attempts, lastError: event.lastError ?? null };
    await em.nativeUpdate(
      WebhookEvent,
      { id: event.id },
      { status: 'pending', attempts: 0, nextAttemptAt: new Date(), deliveredAt: null },
    );
    await em.execute('select pg_notify(?, ?)', [INBOX_CHANNEL, event.relayGroup]);
    recordAudit(em, {
      actor,
      tenantId: event.tenantId ?? null,
      action: 'webhook_event.replay',
      targetType: 'webhook_event',
      targetId: event.id,
      details: { provider: event.provider, dedupeKey: event.dedupeKey, previous },
    });
    await em.flush();
    const replayed = { ...event, status: 'pending' as const, attempts: 0, deliveredAt: null };
    return toWebhookEventView(replayed, operatorLink(actor, deps.provisioning.link));
  });
}

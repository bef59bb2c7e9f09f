import type { WebhookEventView } from '../../contracts/webhooks';
import type { WebhookEvent } from '../../db/entities/webhook-event';

/** The columns a view is made of (the list loads only these). */
export const VIEW_FIELDS = [
  'id',
  'provider',
  'tenantId',
  'dedupeKey',
  'subjectKey',
  'status',
  'attempts',
  'lastError',
  'workflowId',
  'receivedAt',
  'deliveredAt',
] as const;

export const toWebhookEventView = (
  event: Pick<WebhookEvent, (typeof VIEW_FIELDS)[number]>,
  link: (workflowId: string) => string | null,
): WebhookEventView => ({
  id: event.id,
  provider: event.provider,
  tenantId: event.tenantId ?? null,
  dedupeKey: event.dedupeKey,
  subjectKey: event.subjectKey,
  status: event.status,
  attempts: event.attempts,
  lastError: event.lastError ?? null,
  latencyMs: event.deliveredAt ? event.deliveredAt.getTime() - event.receivedAt.getTime() : null,
  workflowId: event.workflowId ?? null,
  workflowUrl: event.workflowId ? link(event.workflowId) : null,
  receivedAt: event.receivedAt.toISOString(),
  deliveredAt: event.deliveredAt?.toISOString() ?? null,
});

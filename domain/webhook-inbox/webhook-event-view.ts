import type { WebhookEvent } from '../../db/entities/webhook-event';

/**
 * An inbox row as platform staff see it on the Webhooks page. The payload is never included: it carries the
 * caller's and callee's phone numbers, and the delivery state says all an operator needs.
 */
export interface WebhookEventView {
  id: string;
  provider: string;
  tenantId: string | null;
  dedupeKey: string;
  subjectKey: string;
  status: WebhookEvent['status'];
  attempts: number;
  lastError: string | null;
  /** delivered_at − received_at in ms; null until delivered. */
  latencyMs: number | null;
  workflowId: string | null;
  /** The workflow in Temporal's Web UI: for platform operators only. */
  workflowUrl: string | null;
  receivedAt: string;
  deliveredAt: string | null;
}

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

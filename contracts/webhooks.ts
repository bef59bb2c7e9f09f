import { z } from 'zod';
import { WEBHOOK_EVENT_STATUSES } from './webhook-event-status';

export const WebhookEventListQuery = z.strictObject({
  provider: z.string().min(1).max(50).optional(),
  status: z.enum(WEBHOOK_EVENT_STATUSES).optional(),
  tenantId: z.uuid().optional(),
});
export type WebhookEventListQuery = z.infer<typeof WebhookEventListQuery>;

/**
 * An inbox row as platform staff see it on the Webhooks page. The payload is never included: it carries the
 * caller's and callee's phone numbers, and the delivery state says all an operator needs.
 */
export const WebhookEventView = z
  .object({
    id: z.uuid(),
    provider: z.string(),
    tenantId: z.uuid().nullable(),
    dedupeKey: z.string(),
    subjectKey: z.string(),
    status: z.enum(WEBHOOK_EVENT_STATUSES),
    attempts: z.int().min(0),
    lastError: z.string().nullable(),
    /** delivered_at − received_at in ms; null until delivered. */
    latencyMs: z.number().nullable(),
    workflowId: z.string().nullable(),
    /** The workflow in Temporal's Web UI: for platform operators only. */
    workflowUrl: z.string().nullable(),
    receivedAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: 'WebhookEventView' });
export type WebhookEventView = z.infer<typeof WebhookEventView>;

import { WEBHOOK_EVENT_STATUSES } from '../../contracts/webhook-event-status';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { idColumn } from './columns';

/**
 * One inbound provider event in the inbox: written before the webhook is acknowledged, unique per (provider,
 * dedupeKey) so provider retries are dropped, and delivered by the relay in `seq` order per subject (decision 008).
 */
export const WebhookEvent = defineEntity({
  name: 'WebhookEvent',
  tableName: 'webhook_events',
  properties: {
    id: idColumn(),
    seq: p.bigint().persist(false),
    provider: p.text(),
    dedupeKey: p.text(),
    subjectKey: p.text(),
    relayGroup: p.text(),
    tenantId: p.uuid().nullable(),
    payloadSha256: p.text(),
    payload: p.json<Record<string, unknown>>(),
    status: p.enum(WEBHOOK_EVENT_STATUSES),
    attempts: p.integer(),
    lastError: p.text().nullable(),
    nextAttemptAt: p.datetime(),
    workflowId: p.text().nullable(),
    receivedAt: p.datetime().onCreate(() => new Date()),
    deliveredAt: p.datetime().nullable(),
  },
});
export type WebhookEvent = InferEntity<typeof WebhookEvent>;

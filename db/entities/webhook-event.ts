import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { idColumn } from './columns';

/** A provider event seen once: the unique (provider, eventId) pair makes webhook retries harmless. */
export const WebhookEvent = defineEntity({
  name: 'WebhookEvent',
  tableName: 'webhook_events',
  properties: {
    id: idColumn(),
    provider: p.text(),
    eventId: p.text(),
    tenantId: p.uuid().nullable(),
    payloadSha256: p.text(),
    receivedAt: p.datetime().onCreate(() => new Date()),
    processedAt: p.datetime().nullable(),
  },
});
export type WebhookEvent = InferEntity<typeof WebhookEvent>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { USAGE_KINDS } from '../../contracts/usage-kind';
import { createdAtColumn, idColumn } from './columns';

export const UsageEvent = defineEntity({
  name: 'UsageEvent',
  tableName: 'usage_events',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    botId: p.uuid().nullable(),
    kind: p.enum(USAGE_KINDS),
    quantity: p.bigint('number'),
    occurredAt: p.datetime(),
    idempotencyKey: p.text(),
    source: p.text(),
    callSid: p.text().nullable(),
    createdAt: createdAtColumn(),
  },
});
export type UsageEvent = InferEntity<typeof UsageEvent>;

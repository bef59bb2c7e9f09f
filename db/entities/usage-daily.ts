import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { USAGE_KINDS } from '../../contracts/usage-kind';

/** Read model: one row per tenant, day (UTC), bot and kind, kept current by a trigger on usage_events. */
export const UsageDaily = defineEntity({
  name: 'UsageDaily',
  tableName: 'usage_daily',
  properties: {
    tenantId: p.uuid().primary(),
    day: p.string().columnType('date').primary(),
    botId: p.uuid().primary(),
    kind: p.enum(USAGE_KINDS).primary(),
    quantity: p.bigint('number'),
    events: p.bigint('number'),
  },
});
export type UsageDaily = InferEntity<typeof UsageDaily>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

export const Plan = defineEntity({
  name: 'Plan',
  tableName: 'plans',
  properties: {
    id: idColumn(),
    code: p.text(),
    name: p.text(),
    currency: p.string().columnType('char(3)'),
    monthlyPriceCents: p.integer(),
    includedMinutes: p.integer(),
    pricePerMinuteCents: p.integer(),
    maxBots: p.integer(),
    isDefault: p.boolean().default(false),
    createdAt: createdAtColumn(),
  },
});
export type Plan = InferEntity<typeof Plan>;

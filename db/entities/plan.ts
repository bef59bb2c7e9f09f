import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { PlanFeature, PlanPricing } from '../../contracts/pricing';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

/**
 * A plan of the price list. config/pricing.json is the source of truth: domain/billing/sync-plans-from-catalog.ts
 * writes every row from it (the seed runs it on each deploy), so nothing else changes plans.
 */
export const Plan = defineEntity({
  name: 'Plan',
  tableName: 'plans',
  properties: {
    id: idColumn(),
    /** The plan's id in pricing.json (`starter`, `pro`, `enterprise`). */
    code: p.text(),
    name: p.text(),
    currency: p.string().columnType('char(3)'),
    monthlyFeeCents: p.integer(),
    stripePriceId: p.text().nullable(),
    features: p.json<Record<PlanFeature, boolean>>(),
    maxBots: p.integer(),
    /** Null: no cap. */
    monthlyMinuteCap: p.integer().nullable(),
    /** Included quantity and graduated prices of every usage kind, as in pricing.json. */
    usagePrices: p.json<PlanPricing['usage']>(),
    /** The plan's position in pricing.json: lists show plans in this order. */
    sortOrder: p.integer(),
    isDefault: p.boolean().default(false),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type Plan = InferEntity<typeof Plan>;

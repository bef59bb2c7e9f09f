import { isDeepStrictEqual } from 'node:util';
import type { PlanPricing, PricingCatalog } from '../../contracts/pricing';
import { Plan, Subscription } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { AppError } from '../errors/app-error';

/** Plans of earlier seeds that the price list replaced, and the plan their subscriptions move to. */
export const LEGACY_PLAN_CODES: Readonly<Record<string, PlanPricing['id']>> = { growth: 'pro', scale: 'enterprise' };

export interface PlanSync {
  created: string[];
  updated: string[];
  removed: string[];
  movedSubscriptions: number;
}

const columnsOf = (catalog: PricingCatalog, priced: PlanPricing, sortOrder: number) => ({
  name: priced.name,
  currency: catalog.currency.toUpperCase(),
  monthlyFeeCents: priced.monthlyFeeCents,
  stripePriceId: priced.stripePriceId,
  features: priced.features,
  maxBots: priced.limits.maxBots,
  monthlyMinuteCap: priced.limits.monthlyMinuteCap,
  usagePrices: priced.usage,
  sortOrder,
  isDefault: priced.id === catalog.defaultPlan,
});

/** Deep comparison: PostgreSQL stores jsonb keys in an order of its own. */
const differs = (plan: Plan, columns: ReturnType<typeof columnsOf>): boolean =>
  Object.entries(columns).some(([key, value]) => !isDeepStrictEqual(plan[key as keyof typeof columns] ?? null, value));

/**
 * Makes the plans table say what config/pricing.json says: one row per plan, found by code. A plan the list no
 * longer has is removed once its subscriptions have moved to its successor in LEGACY_PLAN_CODES; one that still has
 * subscriptions and no successor stops the sync, since a price list must not strand a paying tenant. Idempotent.
 * The seed runs it, so every deploy (`db:migrate`, then `db:seed`) applies the current price list.
 */
export async function syncPlansFromCatalog(orm: Orm, catalog: PricingCatalog): Promise<PlanSync> {
  return inScope(orm, { system: 'plan-sync' }, async (em) => {
    const existing = new Map((await em.find(Plan, {})).map((plan) => [plan.code, plan]));
    const wanted = catalog.plans.map((priced, sortOrder) => ({
      code: priced.id,
      columns: columnsOf(catalog, priced, sortOrder),
    }));
    const created = wanted.filter(({ code }) => !existing.has(code));
    const updated = wanted.filter(({ code, columns }) => existing.has(code) && differs(existing.get(code)!, columns));

    // One default at a time (a unique index): the old one steps down before the new one is written.
    for (const plan of existing.values()) if (plan.code !== catalog.defaultPlan) plan.isDefault = false;
    await em.flush();
    for (const { code, columns } of updated) em.assign(existing.get(code)!, columns);
    const plans = new Map<string, Plan>(existing);
    for (const { code, columns } of created) plans.set(code, em.create(Plan, { code, ...columns }));
    await em.flush();

    const listed = new Set<string>(wanted.map(({ code }) => code));
    const removed: string[] = [];
    let movedSubscriptions = 0;
    for (const plan of existing.values()) {
      if (listed.has(plan.code)) continue;
      const successor = plans.get(LEGACY_PLAN_CODES[plan.code] ?? '');
      if (successor && listed.has(successor.code)) {
        movedSubscriptions += await em.nativeUpdate(Subscription, { planId: plan.id }, { planId: successor.id });
      } else if ((await em.count(Subscription, { planId: plan.id })) > 0) {
        throw new AppError(
          'conflict',
          `Plan ${plan.code} is not in the price list but tenants subscribe to it; name its successor in LEGACY_PLAN_CODES`,
        );
      }
      em.remove(plan);
      removed.push(plan.code);
    }
    await em.flush();
    return {
      created: created.map(({ code }) => code),
      updated: updated.map(({ code }) => code),
      removed,
      movedSubscriptions,
    };
  });
}

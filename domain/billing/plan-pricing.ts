import type { PlanPricing } from '../../contracts/pricing';
import type { PlanView } from '../../contracts/billing';
import { Plan } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';

/** A plan row in the price list's shape, which rating (rate-usage.ts) and the gates (gates.ts) take. */
export const toPlanPricing = (plan: Plan): PlanPricing => ({
  id: plan.code as PlanPricing['id'],
  name: plan.name,
  monthlyFeeCents: plan.monthlyFeeCents,
  stripePriceId: plan.stripePriceId ?? null,
  features: plan.features,
  limits: { maxBots: plan.maxBots, monthlyMinuteCap: plan.monthlyMinuteCap ?? null },
  usage: plan.usagePrices,
});

export const toPlanView = (plan: Plan): PlanView => {
  const { id, features, limits, usage, monthlyFeeCents, name } = toPlanPricing(plan);
  return {
    code: id,
    name,
    currency: plan.currency,
    monthlyFeeCents,
    isDefault: plan.isDefault,
    features,
    limits,
    usage,
  };
};

/** Every plan in the price list's order (the gates name the cheapest plan that would do). */
export const findPlans = (em: ScopedEm): Promise<Plan[]> => em.find(Plan, {}, { orderBy: { sortOrder: 'asc' } });

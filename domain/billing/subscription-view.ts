import type { SubscriptionView } from '../../contracts/billing';
import { PLAN_LIMITS, type PlanLimit } from '../../contracts/pricing';
import { limitReached } from '../usage/plan-limits';
import type { TenantPlan } from './find-tenant-plan';
import { callsRefusedFrom } from './gates';
import type { MonthUsage } from './month-usage';
import { toPlanPricing, toPlanView } from './plan-pricing';
import { rateUsage } from './rate-usage';

/** A subscription with this month's usage against every limit and what the invoice comes to so far. */
export function toSubscriptionView(
  { subscription, plan }: TenantPlan,
  period: { from: string; to: string },
  usage: MonthUsage,
): SubscriptionView {
  const pricing = toPlanPricing(plan);
  const used: Record<PlanLimit, number> = { maxBots: usage.bots, monthlyMinuteCap: usage.totals.minutes };
  const rated = rateUsage(pricing, usage.totals);
  const pastDueSince = subscription.pastDueSince ?? null;
  return {
    id: subscription.id,
    tenantId: subscription.tenantId,
    plan: toPlanView(plan),
    status: subscription.status,
    pastDueSince: pastDueSince?.toISOString() ?? null,
    callsRefusedFrom: callsRefusedFrom(subscription)?.toISOString() ?? null,
    period,
    limits: PLAN_LIMITS.map((limit) => ({
      limit,
      used: used[limit],
      allowed: pricing.limits[limit],
      reached: limitReached(used[limit], pricing.limits[limit]),
    })),
    usage: usage.totals,
    estimate: { currency: plan.currency, totalCents: rated.totalCents, lines: rated.lines },
    managedByStripe: Boolean(subscription.stripeSubscriptionId),
  };
}

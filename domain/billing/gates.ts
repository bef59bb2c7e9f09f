import type { PlanFeature, PlanLimit, PlanPricing } from '../../contracts/pricing';
import type { SubscriptionStatus } from '../../contracts/subscription-status';
import { AppError } from '../errors/app-error';
import { limitReached } from '../usage/plan-limits';

/**
 * The plan gates, in one place. A feature the plan lacks answers 402, a limit reached 429; both name what would
 * lift them. Callers pass the usage they read from the rollup or the table the limit counts (bots).
 */

const FEATURE_NAMES: Record<PlanFeature, string> = {
  byokElevenlabs: 'Your own ElevenLabs key',
  customPrompts: 'Custom prompts',
  whiteLabel: 'White label',
  apiAccess: 'API access',
};

const amountOf = (limit: PlanLimit, count: number | null): string => {
  if (count === null) return limit === 'maxBots' ? 'any number of bots' : 'unlimited call minutes';
  const number = count.toLocaleString('en');
  return limit === 'maxBots' ? `${number} ${count === 1 ? 'bot' : 'bots'}` : `${number} call minutes a month`;
};

const inUse = (limit: PlanLimit, used: number): string =>
  limit === 'maxBots' ? `the organisation has ${used}` : `${used.toLocaleString('en')} have been used this month`;

const cheapestFirst = (plans: readonly PlanPricing[]): PlanPricing[] =>
  [...plans].sort((a, b) => a.monthlyFeeCents - b.monthlyFeeCents);

/** Refuses (402) a feature the plan lacks, naming the cheapest plan that has it. */
export function featureGate(plan: PlanPricing, feature: PlanFeature, plans: readonly PlanPricing[]): void {
  if (plan.features[feature]) return;
  const upgrade = cheapestFirst(plans).find((candidate) => candidate.features[feature]);
  throw new AppError(
    'payment_required',
    `${FEATURE_NAMES[feature]} is not part of the ${plan.name} plan${upgrade ? `; it comes with ${upgrade.name}` : ''}`,
    { extensions: { feature, plan: plan.id, requiredPlan: upgrade?.id ?? null } },
  );
}

/** Refuses (429) one more of a limit the tenant has reached: used, allowed, and the cheapest plan allowing more. */
export function limitGate(plan: PlanPricing, limit: PlanLimit, used: number, plans: readonly PlanPricing[]): void {
  const allowed = plan.limits[limit];
  if (allowed === null || !limitReached(used, allowed)) return;
  const upgrade = cheapestFirst(plans).find((candidate) => {
    const more = candidate.limits[limit];
    return more === null || more > allowed;
  });
  const offer = upgrade ? `; ${upgrade.name} allows ${amountOf(limit, upgrade.limits[limit])}` : '';
  throw new AppError(
    'rate_limited',
    `The ${plan.name} plan allows ${amountOf(limit, allowed)} and ${inUse(limit, used)}${offer}`,
    { extensions: { limit, used, allowed, plan: plan.id, requiredPlan: upgrade?.id ?? null } },
  );
}

/** What the payment gate reads of a subscription. */
export interface PaymentStanding {
  status: SubscriptionStatus;
  pastDueSince?: Date | null;
  suspensionDueAt?: Date | null;
  suspendedAt?: Date | null;
}

/**
 * An instant dunning wrote during the current past-due episode, or null. One written before the payment now
 * overdue fell past due belongs to an episode that has ended, so it no longer counts: nothing stale suspends.
 */
const ofThisEpisode = (at: Date | null | undefined, standing: PaymentStanding): Date | null =>
  standing.status === 'past_due' && standing.pastDueSince && at && at >= standing.pastDueSince ? at : null;

/**
 * Calls are refused while dunning has suspended the subscription for the payment now overdue (decision 011).
 * The suspension is the one source of truth: the grace period lives in dunning's schedule, not here.
 */
export function isSuspendedForNonpayment(standing: PaymentStanding): boolean {
  return ofThisEpisode(standing.suspendedAt, standing) !== null;
}

/** When calls stop (or stopped) unless the overdue payment arrives; null while payments are in order. */
export function callsRefusedFrom(standing: PaymentStanding): Date | null {
  return ofThisEpisode(standing.suspendedAt, standing) ?? ofThisEpisode(standing.suspensionDueAt, standing);
}

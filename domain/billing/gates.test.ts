import { loadPricingCatalog } from '../../config/pricing';
import type { PlanPricing } from '../../contracts/pricing';
import { AppError } from '../errors/app-error';
import { callsRefusedFrom, featureGate, isSuspendedForNonpayment, limitGate } from './gates';

const { plans } = loadPricingCatalog();
const plan = (id: string): PlanPricing => plans.find((candidate) => candidate.id === id)!;

/** The error a gate throws, or null when it lets the request through. */
const refusal = (gate: () => void): AppError | null => {
  try {
    gate();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
};

describe('feature gate', () => {
  it('refuses a feature the plan lacks with 402, naming the feature and the cheapest plan that has it', () => {
    const error = refusal(() => featureGate(plan('starter'), 'customPrompts', plans));
    expect(error).toMatchObject({ code: 'payment_required', status: 402 });
    expect(error!.extensions).toEqual({ feature: 'customPrompts', plan: 'starter', requiredPlan: 'pro' });
    expect(error!.message).toBe('Custom prompts is not part of the Starter plan; it comes with Pro');
  });

  it('names Enterprise for white label, which Pro lacks too', () => {
    const error = refusal(() => featureGate(plan('pro'), 'whiteLabel', plans));
    expect(error!.extensions).toMatchObject({ feature: 'whiteLabel', plan: 'pro', requiredPlan: 'enterprise' });
  });

  it('lets a plan with the feature through', () => {
    expect(refusal(() => featureGate(plan('pro'), 'apiAccess', plans))).toBeNull();
    expect(refusal(() => featureGate(plan('enterprise'), 'whiteLabel', plans))).toBeNull();
  });

  it('says so when no plan has the feature', () => {
    const none = plans.map((priced) => ({ ...priced, features: { ...priced.features, whiteLabel: false } }));
    const error = refusal(() => featureGate(none[0]!, 'whiteLabel', none));
    expect(error!.extensions).toMatchObject({ requiredPlan: null });
    expect(error!.message).toBe('White label is not part of the Starter plan');
  });
});

describe('limit gate', () => {
  it('refuses one more bot at the plan’s maxBots with 429 naming the limit, used and allowed', () => {
    expect(refusal(() => limitGate(plan('starter'), 'maxBots', 0, plans))).toBeNull();
    const error = refusal(() => limitGate(plan('starter'), 'maxBots', 1, plans));
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(error!.extensions).toEqual({ limit: 'maxBots', used: 1, allowed: 1, plan: 'starter', requiredPlan: 'pro' });
    expect(error!.message).toBe('The Starter plan allows 1 bot and the organisation has 1; Pro allows 5 bots');
  });

  it('refuses minutes at the monthly cap and offers the plan without a cap when none above has more', () => {
    const error = refusal(() => limitGate(plan('pro'), 'monthlyMinuteCap', 5_012, plans));
    expect(error!.extensions).toMatchObject({ used: 5_012, allowed: 5_000, requiredPlan: 'enterprise' });
    expect(error!.message).toContain('unlimited call minutes');
  });

  it('never refuses on a plan without that limit', () => {
    expect(refusal(() => limitGate(plan('enterprise'), 'monthlyMinuteCap', 10_000_000, plans))).toBeNull();
  });
});

describe('suspension for nonpayment', () => {
  const pastDueSince = new Date('2026-05-06T12:00:00Z');
  const later = (days: number) => new Date(pastDueSince.getTime() + days * 86_400_000);
  const pastDue = { status: 'past_due' as const, pastDueSince };

  it('keeps calls going while dunning has only planned the suspension, and says when it is due', () => {
    const planned = { ...pastDue, suspensionDueAt: later(14), suspendedAt: null };
    expect(isSuspendedForNonpayment(planned)).toBe(false);
    expect(callsRefusedFrom(planned)).toEqual(later(14));
    expect(callsRefusedFrom({ ...pastDue, suspensionDueAt: null, suspendedAt: null })).toBeNull();
  });

  it('refuses calls once dunning suspended the subscription, from the moment it did', () => {
    const suspended = { ...pastDue, suspensionDueAt: later(14), suspendedAt: later(14.5) };
    expect(isSuspendedForNonpayment(suspended)).toBe(true);
    expect(callsRefusedFrom(suspended)).toEqual(later(14.5));
  });

  it('ignores a suspension left from an earlier past-due episode', () => {
    const stale = { ...pastDue, suspensionDueAt: later(-20), suspendedAt: later(-10) };
    expect(isSuspendedForNonpayment(stale)).toBe(false);
    expect(callsRefusedFrom(stale)).toBeNull();
  });

  it('never refuses the calls of a subscription whose payments are in order, whatever is left in its columns', () => {
    for (const status of ['active', 'incomplete', 'canceled'] as const) {
      const settled = { status, pastDueSince: null, suspensionDueAt: later(14), suspendedAt: later(14) };
      expect(isSuspendedForNonpayment(settled)).toBe(false);
      expect(callsRefusedFrom(settled)).toBeNull();
    }
  });
});

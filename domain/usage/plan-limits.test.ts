import { isOverPlanLimit, limitReached } from './plan-limits';

describe('plan limits', () => {
  it('stops calls once the month’s minutes reach the plan’s cap', () => {
    const plan = { monthlyMinuteCap: 100 };
    expect(isOverPlanLimit(0, plan)).toBe(false);
    expect(isOverPlanLimit(99, plan)).toBe(false);
    expect(isOverPlanLimit(100, plan)).toBe(true);
    expect(isOverPlanLimit(250, plan)).toBe(true);
  });

  it('never stops calls on a plan without a cap', () => {
    expect(isOverPlanLimit(10_000_000, { monthlyMinuteCap: null })).toBe(false);
  });

  it('counts a limit as reached when the next unit would exceed it', () => {
    expect(limitReached(0, 1)).toBe(false);
    expect(limitReached(1, 1)).toBe(true);
    expect(limitReached(5, null)).toBe(false);
  });
});

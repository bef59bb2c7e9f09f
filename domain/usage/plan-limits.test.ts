import { isOverPlanLimit, OVERAGE_CAP_FACTOR } from './plan-limits';

describe('isOverPlanLimit', () => {
  it('allows overage up to the cap and stops calls at it', () => {
    const plan = { includedMinutes: 500 };
    expect(isOverPlanLimit(0, plan)).toBe(false);
    expect(isOverPlanLimit(500 * OVERAGE_CAP_FACTOR - 1, plan)).toBe(false);
    expect(isOverPlanLimit(500 * OVERAGE_CAP_FACTOR, plan)).toBe(true);
  });
});

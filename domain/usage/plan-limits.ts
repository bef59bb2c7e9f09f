/** Whether `used` has reached a limit of `allowed` (null: no limit), so the next bot or call is refused. */
export const limitReached = (used: number, allowed: number | null): boolean => allowed !== null && used >= allowed;

/** Calls stop once this month's minutes reach the plan's cap (the rollup's count); no cap, no stop. */
export function isOverPlanLimit(usedMinutesThisMonth: number, plan: { monthlyMinuteCap: number | null }): boolean {
  return limitReached(usedMinutesThisMonth, plan.monthlyMinuteCap);
}

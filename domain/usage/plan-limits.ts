/** Minutes beyond the plan are billed as overage up to this multiple of the included minutes; then calls stop. */
export const OVERAGE_CAP_FACTOR = 3;

export function isOverPlanLimit(usedMinutesThisMonth: number, plan: { includedMinutes: number }): boolean {
  return usedMinutesThisMonth >= plan.includedMinutes * OVERAGE_CAP_FACTOR;
}

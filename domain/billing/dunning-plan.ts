/**
 * Dunning's schedule as pure rules (decision 011); the dunning workflow imports this file, so no I/O here.
 * Every instant is counted from the moment the payment fell past due (`past_due_since`), in epoch milliseconds.
 */

export interface DunningSchedule {
  /** When each reminder mail goes out after the payment fell past due (`DUNNING_REMINDERS`). */
  reminderOffsetsMs: number[];
  /** How long after that the calls are suspended unless the payment arrives (`DUNNING_GRACE`). */
  graceMs: number;
  /** How often a suspended tenant's subscription is checked for having left past due (`DUNNING_STATUS_CHECK`). */
  statusCheckMs: number;
}

export interface PlannedReminder {
  /** 1-based, in the order the reminders go out. */
  number: number;
  at: number;
}

export const suspensionDueAt = (pastDueSince: Date, graceMs: number): Date =>
  new Date(pastDueSince.getTime() + graceMs);

/** The reminders that go out before the suspension, in order; offsets at or after it are dropped. */
export function plannedReminders(offsetsMs: readonly number[], pastDueSince: number, suspendsAt: number) {
  const times = [...new Set(offsetsMs)]
    .sort((a, b) => a - b)
    .map((offset) => pastDueSince + offset)
    .filter((at) => at < suspendsAt);
  return times.map((at, index): PlannedReminder => ({ number: index + 1, at }));
}

/**
 * A reminder whose successor (the next reminder, or the suspension) is already due is skipped: a dunning that
 * starts or wakes late sends the latest reminder instead of a burst of them.
 */
export function isSuperseded(
  reminders: readonly PlannedReminder[],
  index: number,
  suspendsAt: number,
  now: number,
): boolean {
  return (reminders[index + 1]?.at ?? suspendsAt) <= now;
}

/** Calls are billed per started minute: 0 s → 0, 1–60 s → 1, 61 s → 2. */
export const billableMinutes = (durationSeconds: number): number => Math.ceil(Math.max(0, durationSeconds) / 60);

/** No usage predates the platform; PostgreSQL cannot even store some years a YYYY-MM-DD string allows (0000). */
export const EARLIEST_DAY = '2000-01-01';
/** Ranges may reach a little into the future (a chart of this year), never arbitrarily far. */
export const MAX_YEARS_AHEAD = 5;

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The last day a range may end on: 31 December, MAX_YEARS_AHEAD years after `now`. */
export const latestDay = (now: Date): string => `${now.getUTCFullYear() + MAX_YEARS_AHEAD}-12-31`;

/**
 * Whether `day` is a real calendar day (YYYY-MM-DD, no 30 February) between EARLIEST_DAY and latestDay(now);
 * the fixed width makes text order date order.
 */
export function isUsableDay(day: string, now: Date): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day < EARLIEST_DAY || day > latestDay(now)) return false;
  const parsed = Date.parse(day);
  return !Number.isNaN(parsed) && isoDay(new Date(parsed)) === day;
}

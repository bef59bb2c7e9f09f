import { AppError } from '../errors/app-error';

export type RangeName = 'day' | 'week' | 'month' | 'custom';

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;
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

/**
 * Inclusive UTC day range: today, the last 7 days, this calendar month, or `from`..`to` (at most a year, within
 * EARLIEST_DAY..latestDay(now)).
 */
export function resolveRange(
  range: RangeName,
  now: Date,
  custom: { from?: string; to?: string } = {},
): { from: string; to: string } {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  switch (range) {
    case 'day':
      return { from: isoDay(today), to: isoDay(today) };
    case 'week':
      return { from: isoDay(new Date(today.getTime() - 6 * DAY_MS)), to: isoDay(today) };
    case 'month':
      return {
        from: isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1))),
        to: isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0))),
      };
    case 'custom': {
      if (!custom.from || !custom.to) {
        throw new AppError('bad_request', 'A custom range needs from and to (YYYY-MM-DD)', {
          errors: [{ path: custom.from ? 'querystring.to' : 'querystring.from', message: 'required for range=custom' }],
        });
      }
      const unusable = (['from', 'to'] as const).filter((field) => !isUsableDay(custom[field]!, now));
      if (unusable.length > 0) {
        throw new AppError('bad_request', `A range must lie between ${EARLIEST_DAY} and ${latestDay(now)}`, {
          errors: unusable.map((field) => ({ path: `querystring.${field}`, message: 'not a day in that range' })),
        });
      }
      const days = (Date.parse(custom.to) - Date.parse(custom.from)) / DAY_MS + 1;
      if (days < 1) throw new AppError('bad_request', '`to` must not be before `from`');
      if (days > MAX_DAYS) throw new AppError('bad_request', `A range may span at most ${MAX_DAYS} days`);
      return { from: custom.from, to: custom.to };
    }
  }
}

/** Every day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(from); at <= Date.parse(to); at += DAY_MS) days.push(isoDay(new Date(at)));
  return days;
}

import type { UsageRange } from '../../contracts/usage';
import { EARLIEST_DAY, isUsableDay, latestDay } from '../../contracts/usage-day';
import { AppError } from '../errors/app-error';

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Inclusive UTC day range: today, the last 7 days, this calendar month, or `from`..`to` (at most a year, within
 * EARLIEST_DAY..latestDay(now)).
 */
export function resolveRange(
  range: UsageRange,
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

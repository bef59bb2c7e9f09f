import { BILLING_PERIOD_PATTERN, EARLIEST_BILLING_PERIOD } from '../../contracts/billing-period';
import { AppError } from '../errors/app-error';

/** A billing period is a UTC calendar month, written `YYYY-MM` (usage days are UTC days, see usage_daily). */
export type BillingPeriod = string;

export function isBillingPeriod(value: string): boolean {
  return BILLING_PERIOD_PATTERN.test(value) && value >= EARLIEST_BILLING_PERIOD;
}

/** First day of the period and first day of the next one (exclusive end), as `YYYY-MM-DD`. */
export function periodDays(period: BillingPeriod): { start: string; endExclusive: string; end: string } {
  const match = BILLING_PERIOD_PATTERN.exec(period);
  if (!match || !isBillingPeriod(period)) {
    throw new AppError(
      'bad_request',
      `A billing period is a month written YYYY-MM (from ${EARLIEST_BILLING_PERIOD}), got ${period}`,
    );
  }
  const [year, month] = [Number(match[1]), Number(match[2])];
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return {
    start: day(new Date(Date.UTC(year, month - 1, 1))),
    end: day(new Date(Date.UTC(year, month, 0))),
    endExclusive: day(new Date(Date.UTC(year, month, 1))),
  };
}

/** The instant the period ends (midnight UTC after its last day), in ms since the epoch. */
export const periodEndsAt = (period: BillingPeriod): number => Date.parse(`${periodDays(period).endExclusive}Z`);

export function periodOf(at: Date): BillingPeriod {
  return at.toISOString().slice(0, 7);
}

export function previousPeriod(period: BillingPeriod): BillingPeriod {
  const { start } = periodDays(period);
  return periodOf(new Date(Date.parse(`${start}T00:00:00Z`) - 1));
}

/** The month that was billed by a run at `at`: the one before the month `at` falls in (UTC). */
export const periodBilledAt = (at: Date): BillingPeriod => previousPeriod(periodOf(at));

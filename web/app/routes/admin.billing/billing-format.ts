import type { MoneyAmount } from '@contracts/billing-admin';
import { BILLING_PERIOD_PATTERN, EARLIEST_BILLING_PERIOD } from '@contracts/billing-period';
import { formatMoney } from '~/lib/format';

const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** "March 2026" for `2026-03` (periods are UTC months). */
export const formatPeriod = (period: string) => month.format(new Date(`${period}-01T00:00:00Z`));
/** "Mar 26", for a chart axis. */
export const formatPeriodShort = (period: string) => monthShort.format(new Date(`${period}-01T00:00:00Z`));

/** Amounts in several currencies, joined; "—" for none. */
export const formatAmounts = (amounts: MoneyAmount[]) =>
  amounts.length === 0 ? '—' : amounts.map((amount) => formatMoney(amount.totalCents, amount.currency)).join(' + ');

/** A `YYYY-MM` from the URL, when it is a period the API bills (else null). */
export const periodParam = (value: string | null): string | null =>
  value && BILLING_PERIOD_PATTERN.test(value) && value >= EARLIEST_BILLING_PERIOD ? value : null;

/** The last month that has ended (UTC): what "Run now" bills unless told otherwise. */
export function lastEndedPeriod(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

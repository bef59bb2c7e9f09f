import type { CostAmount } from '@contracts/analytics';

import { formatMoney } from './format';

/** Formatting of calls, shared by server rendering and the browser. */

/** "0:07", "4:05", "1:02:03": a position in a call or its length. */
export function formatClock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const total = Math.floor(seconds);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "75 %" of a 0–1 rate; "—" when there is none. */
export const formatRate = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)} %`;

/** USD as ElevenLabs reports it, to the cent or, below a cent, to four places. */
export function formatUsd(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  const digits = amount !== 0 && Math.abs(amount) < 0.01 ? 4 : 2;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

/** Amounts in several currencies, as they add up without converting: "$1.20 + €3.00". */
export const formatCosts = (amounts: CostAmount[]): string =>
  amounts.length === 0 ? formatMoney(0, 'usd') : amounts.map((a) => formatMoney(a.cents, a.currency)).join(' + ');

/** "12.5" minutes, one decimal at most. */
export const formatMinutes = (minutes: number): string =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(minutes);

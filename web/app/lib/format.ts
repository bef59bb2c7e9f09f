/** Formatting shared by server rendering and the browser (dates render in UTC on both, so hydration agrees). */

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const timeOnly = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
});
const dayShort = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

const valid = (iso: string | null | undefined): iso is string => Boolean(iso) && !Number.isNaN(Date.parse(iso!));

export const formatDateTime = (iso: string | null | undefined) =>
  valid(iso) ? `${dateTime.format(new Date(iso))} UTC` : '—';
export const formatDate = (iso: string | null | undefined) => (valid(iso) ? dateOnly.format(new Date(iso)) : '—');
export const formatTime = (iso: string | null | undefined) =>
  valid(iso) ? `${timeOnly.format(new Date(iso))} UTC` : '—';
/** "3 Nov" for a chart axis (ISO dates such as 2025-11-03). */
export const formatDay = (iso: string) => (valid(iso) ? dayShort.format(new Date(iso)) : iso);
export const formatNumber = (value: number | null | undefined) => integer.format(value ?? 0);
export const formatCompact = (value: number) => compact.format(value);

export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.trim().toUpperCase() }).format(
      cents / 100,
    );
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** "1.2 s", "3 min 4 s" */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds % 60)} s`;
}

/** "pending_verification" → "Pending verification" */
export const humanize = (value: string) => {
  const spaced = value.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

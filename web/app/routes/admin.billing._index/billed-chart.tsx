import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import type { InvoiceRunPeriodView, MoneyAmount } from '@contracts/billing-admin';
import { formatCompact, formatMoney } from '~/lib/format';
import { useHydrated } from '~/lib/use-hydrated';

import { formatPeriod, formatPeriodShort } from '../admin.billing/billing-format';

const inCurrency = (amounts: MoneyAmount[], currency: string) =>
  amounts.find((amount) => amount.currency === currency)?.totalCents ?? 0;

/** The currency most was billed in: the chart shows that one (the price list has a single currency). */
function mainCurrency(periods: InvoiceRunPeriodView[]): string | null {
  const sums = new Map<string, number>();
  for (const { billed } of periods) {
    for (const amount of billed) sums.set(amount.currency, (sums.get(amount.currency) ?? 0) + amount.totalCents);
  }
  return [...sums.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Billed per period as stacked bars, paid and still open, oldest period first. Recharts measures the DOM, so it
 * renders in the browser; the server sends a placeholder and a table for screen readers.
 */
export function BilledChart({ periods }: { periods: InvoiceRunPeriodView[] }) {
  const hydrated = useHydrated();
  const currency = mainCurrency(periods);
  if (!currency) return <p className="px-2 py-10 text-center text-sm text-slate-500">Nothing billed yet.</p>;
  const rows = [...periods].reverse().map((period) => {
    const billed = inCurrency(period.billed, currency);
    const paid = inCurrency(period.paid, currency);
    return { period: period.period, label: formatPeriodShort(period.period), paid, open: billed - paid, billed };
  });
  const money = (cents: number) => formatMoney(cents, currency);
  const reducedMotion = hydrated && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  return (
    <figure aria-label={`Billed per period in ${currency}`} data-testid="billed-chart">
      <div style={{ height: 240 }} className="w-full" aria-hidden="true">
        {hydrated ? (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#64748b' }} tickLine={false} axisLine={false} />
              <YAxis
                tickFormatter={(cents: number) => formatCompact(cents / 100)}
                tick={{ fontSize: 12, fill: '#64748b' }}
                tickLine={false}
                axisLine={false}
                width={48}
              />
              <Tooltip
                cursor={{ fill: '#eef2ff' }}
                formatter={(value, name) => [money(Number(value)), name === 'paid' ? 'Paid' : 'Open']}
                contentStyle={{ borderRadius: 8, borderColor: '#e2e8f0', fontSize: 12 }}
              />
              <Legend formatter={(name) => (name === 'paid' ? 'Paid' : 'Open')} wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="paid" stackId="billed" fill="#10b981" isAnimationActive={!reducedMotion} maxBarSize={36} />
              <Bar
                dataKey="open"
                stackId="billed"
                fill="#6366f1"
                radius={[4, 4, 0, 0]}
                isAnimationActive={!reducedMotion}
                maxBarSize={36}
              />
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <div className="h-full w-full animate-pulse rounded-md bg-slate-100" />
        )}
      </div>
      <div className="sr-only">
        <table>
          <caption>Billed per period in {currency}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Billed</th>
              <th scope="col">Paid</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.period}>
                <th scope="row">{formatPeriod(row.period)}</th>
                <td>{money(row.billed)}</td>
                <td>{money(row.paid)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

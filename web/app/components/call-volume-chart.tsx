import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import type { DailyCallVolume } from '@contracts/analytics';
import { formatMinutes } from '~/lib/call-format';
import { formatCompact, formatDay, formatNumber } from '~/lib/format';
import { useHydrated } from '~/lib/use-hydrated';

/**
 * Calls per day as bars and their minutes as a line (its own axis on the right). Recharts measures the DOM, so
 * the chart draws in the browser; the server sends a placeholder of the same size and a table for screen readers.
 */
export function CallVolumeChart({ daily, height = 280 }: { daily: DailyCallVolume[]; height?: number }) {
  const hydrated = useHydrated();
  const reducedMotion = hydrated && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const rows = daily.map((point) => ({ name: formatDay(point.day), calls: point.calls, minutes: point.minutes }));
  const axis = { tick: { fontSize: 12, fill: '#64748b' }, tickLine: false, axisLine: false } as const;
  return (
    <figure aria-label="Calls and minutes per day" data-testid="call-volume-chart">
      <div style={{ height }} className="w-full" aria-hidden="true">
        {hydrated ? (
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="name" {...axis} minTickGap={12} />
              <YAxis yAxisId="calls" allowDecimals={false} tickFormatter={formatCompact} width={40} {...axis} />
              <YAxis yAxisId="minutes" orientation="right" tickFormatter={formatCompact} width={44} {...axis} />
              <Tooltip
                cursor={{ fill: '#eef2ff' }}
                formatter={(value, name) =>
                  name === 'minutes'
                    ? [formatMinutes(Number(value)), 'Minutes']
                    : [formatNumber(Number(value)), 'Calls']
                }
                contentStyle={{ borderRadius: 8, borderColor: '#e2e8f0', fontSize: 12 }}
              />
              <Bar
                yAxisId="calls"
                dataKey="calls"
                fill="#6366f1"
                radius={[4, 4, 0, 0]}
                maxBarSize={28}
                isAnimationActive={!reducedMotion}
              />
              <Line
                yAxisId="minutes"
                dataKey="minutes"
                type="linear"
                stroke="#0ea5e9"
                strokeWidth={2}
                dot={false}
                isAnimationActive={!reducedMotion}
              />
            </ComposedChart>
          </ResponsiveContainer>
        ) : (
          <div className="h-full w-full animate-pulse rounded-md bg-slate-100" />
        )}
      </div>
      <div className="sr-only">
        <table>
          <caption>Calls and minutes per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Calls</th>
              <th scope="col">Minutes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td>{formatNumber(row.calls)}</td>
                <td>{formatMinutes(row.minutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption className="mt-2 flex items-center gap-4 px-2 text-xs text-slate-500">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="h-2.5 w-2.5 rounded-sm bg-indigo-500" /> Calls
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="h-0.5 w-3 bg-sky-500" /> Minutes
        </span>
      </figcaption>
    </figure>
  );
}

import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import type { UsageSummary, UsageTotals } from '@contracts/usage';
import { USAGE_KINDS, type UsageKind } from '@contracts/usage-kind';
import { formatCompact, formatDay, formatNumber } from '~/lib/format';
import { useHydrated } from '~/lib/use-hydrated';

import { StatCard } from './ui/stat-card';

export const USAGE_LABELS: Record<UsageKind, { label: string; short: string; unit: string; hint: string }> = {
  call_started: { label: 'Calls', short: 'Calls', unit: 'calls', hint: 'Calls answered' },
  minutes: { label: 'Minutes', short: 'Minutes', unit: 'min', hint: 'Billable call minutes' },
  stt_requests: { label: 'STT requests', short: 'STT', unit: 'requests', hint: 'Speech-to-text' },
  tts_chars: { label: 'TTS characters', short: 'TTS', unit: 'chars', hint: 'Text-to-speech' },
  gpt_tokens: { label: 'LLM tokens', short: 'LLM', unit: 'tokens', hint: 'Language model' },
};

export function UsageTotalsCards({ totals }: { totals: UsageTotals }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {USAGE_KINDS.map((kind) => (
        <StatCard
          key={kind}
          label={USAGE_LABELS[kind].label}
          value={formatNumber(totals[kind])}
          hint={USAGE_LABELS[kind].hint}
        />
      ))}
    </dl>
  );
}

/** Buttons that choose which measure the charts show (their scales differ by orders of magnitude). */
export function MetricTabs({ value, onChange }: { value: UsageKind; onChange: (kind: UsageKind) => void }) {
  return (
    <div role="group" aria-label="Measure" className="inline-flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
      {USAGE_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          aria-pressed={value === kind}
          onClick={() => onChange(kind)}
          className={`rounded-md px-2.5 py-1 text-xs font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600 ${
            value === kind ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900'
          }`}
        >
          {USAGE_LABELS[kind].short}
        </button>
      ))}
    </div>
  );
}

/**
 * One measure as bars: by day (vertical) or by bot/kind (horizontal). Recharts measures the DOM, so the chart
 * renders in the browser; the server sends a placeholder of the same size and a table for screen readers.
 */
export function UsageBarChart({
  summary,
  kind,
  height = 260,
}: {
  summary: UsageSummary;
  kind: UsageKind;
  height?: number;
}) {
  const hydrated = useHydrated();
  const reducedMotion = hydrated && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const byDay = summary.groupBy === 'day';
  const rows = summary.series.map((row) => ({
    name: byDay ? formatDay(row.key) : row.label,
    value: row[kind],
  }));
  const label = `${USAGE_LABELS[kind].label} by ${summary.groupBy}`;
  const chartHeight = byDay ? height : Math.max(120, rows.length * 36 + 40);

  return (
    <figure aria-label={label} data-testid={`usage-chart-${summary.groupBy}`}>
      <div style={{ height: chartHeight }} className="w-full" aria-hidden="true">
        {hydrated ? (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={rows}
              layout={byDay ? 'horizontal' : 'vertical'}
              margin={{ top: 8, right: 12, bottom: 0, left: byDay ? 0 : 8 }}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={!byDay} horizontal={byDay} />
              {byDay ? (
                <>
                  <XAxis
                    dataKey="name"
                    tick={{ fontSize: 12, fill: '#64748b' }}
                    tickLine={false}
                    axisLine={false}
                    minTickGap={12}
                  />
                  <YAxis
                    tickFormatter={formatCompact}
                    tick={{ fontSize: 12, fill: '#64748b' }}
                    tickLine={false}
                    axisLine={false}
                    width={44}
                  />
                </>
              ) : (
                <>
                  <XAxis
                    type="number"
                    tickFormatter={formatCompact}
                    tick={{ fontSize: 12, fill: '#64748b' }}
                    tickLine={false}
                    axisLine={false}
                  />
                  <YAxis
                    type="category"
                    dataKey="name"
                    tick={{ fontSize: 12, fill: '#334155' }}
                    tickLine={false}
                    axisLine={false}
                    width={120}
                  />
                </>
              )}
              <Tooltip
                cursor={{ fill: '#eef2ff' }}
                formatter={(value) => [formatNumber(Number(value)), USAGE_LABELS[kind].label]}
                contentStyle={{ borderRadius: 8, borderColor: '#e2e8f0', fontSize: 12 }}
              />
              <Bar
                dataKey="value"
                fill="#6366f1"
                radius={byDay ? [4, 4, 0, 0] : [0, 4, 4, 0]}
                isAnimationActive={!reducedMotion}
                maxBarSize={byDay ? 32 : 22}
              />
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <div className="h-full w-full animate-pulse rounded-md bg-slate-100" />
        )}
      </div>
      {/* A table wrapped in sr-only: tables ignore the height and overflow that sr-only relies on. */}
      <div className="sr-only">
        <table>
          <caption>{label}</caption>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <th scope="row">{row.name}</th>
                <td>{formatNumber(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Measure tabs above a chart; the chosen measure is kept per component. */
export function UsageChartCard({ summary, title }: { summary: UsageSummary; title: string }) {
  const [kind, setKind] = useState<UsageKind>('call_started');
  const empty = summary.series.length === 0 || summary.series.every((row) => USAGE_KINDS.every((k) => !row[k]));
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3 sm:px-5">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {empty ? null : <MetricTabs value={kind} onChange={setKind} />}
      </div>
      <div className="px-2 py-4 sm:px-4">
        {empty ? (
          <p className="px-2 py-10 text-center text-sm text-slate-500">No usage recorded in this period yet.</p>
        ) : (
          <UsageBarChart summary={summary} kind={kind} />
        )}
      </div>
    </div>
  );
}

/** Every measure per row (bot or kind), as a table. */
export function UsageTable({ summary, caption }: { summary: UsageSummary; caption: string }) {
  if (summary.series.length === 0) {
    return <p className="px-4 py-8 text-center text-sm text-slate-500 sm:px-5">No usage recorded in this period.</p>;
  }
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th
              scope="col"
              className="bg-slate-50 px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500"
            >
              {summary.groupBy === 'bot' ? 'Bot' : summary.groupBy === 'kind' ? 'Kind' : 'Day'}
            </th>
            {USAGE_KINDS.map((kind) => (
              <th
                key={kind}
                scope="col"
                className="whitespace-nowrap bg-slate-50 px-4 py-2.5 text-right text-xs font-semibold uppercase tracking-wide text-slate-500"
              >
                {USAGE_LABELS[kind].short === USAGE_LABELS[kind].label
                  ? USAGE_LABELS[kind].label
                  : `${USAGE_LABELS[kind].short} ${USAGE_LABELS[kind].unit}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {summary.series.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="px-4 py-2.5 text-left font-medium text-slate-900">
                {summary.groupBy === 'day' ? formatDay(row.key) : row.label}
              </th>
              {USAGE_KINDS.map((kind) => (
                <td key={kind} className="px-4 py-2.5 text-right tabular-nums text-slate-700">
                  {formatNumber(row[kind])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

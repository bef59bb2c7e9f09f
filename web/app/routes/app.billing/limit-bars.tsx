import type { LimitUsageView } from '@contracts/billing';
import type { PlanLimit } from '@contracts/pricing';
import { formatNumber } from '~/lib/format';

const LIMIT_LABELS: Record<PlanLimit, { label: string; unit: string }> = {
  maxBots: { label: 'Bots', unit: 'bots' },
  monthlyMinuteCap: { label: 'Call minutes this month', unit: 'minutes' },
};

/** Share of a limit used, for the bar; past 80 % it turns amber, at the limit red (the gate refuses). */
function tone(limit: LimitUsageView, share: number): string {
  if (limit.reached) return 'bg-rose-500';
  return share >= 0.8 ? 'bg-amber-500' : 'bg-indigo-500';
}

/** Usage this month against every limit of the plan, as progress bars (no limit: the count alone). */
export function LimitBars({ limits }: { limits: LimitUsageView[] }) {
  return (
    <ul className="space-y-5">
      {limits.map((limit) => {
        const { label, unit } = LIMIT_LABELS[limit.limit];
        const share = limit.allowed ? Math.min(1, limit.used / limit.allowed) : 0;
        return (
          <li key={limit.limit} data-limit={limit.limit}>
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="font-medium text-slate-700">{label}</span>
              <span className="tabular-nums text-slate-600">
                {limit.allowed === null
                  ? `${formatNumber(limit.used)} ${unit} · no limit`
                  : `${formatNumber(limit.used)} of ${formatNumber(limit.allowed)} ${unit}`}
              </span>
            </div>
            {limit.allowed === null ? null : (
              <div
                role="progressbar"
                aria-label={label}
                aria-valuemin={0}
                aria-valuemax={limit.allowed}
                aria-valuenow={Math.min(limit.used, limit.allowed)}
                className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100"
              >
                <div className={`h-full rounded-full ${tone(limit, share)}`} style={{ width: `${share * 100}%` }} />
              </div>
            )}
            {limit.reached ? (
              <p className="mt-1 text-xs text-rose-700">
                Limit reached: {limit.limit === 'maxBots' ? 'no further bot can be added' : 'calls are refused'} until
                you upgrade{limit.limit === 'monthlyMinuteCap' ? ' or the month ends' : ''}.
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

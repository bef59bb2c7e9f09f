import { useEffect, useState } from 'react';

import type { StepProgress } from '@contracts/jobs';
import type { StepStatus } from '@contracts/provisioning-job';

import { formatDuration, formatTime } from '~/lib/format';

import { StepStatusBadge } from './status-badges';
import { Badge } from './ui/badge';
import { Spinner } from './ui/spinner';

/** The current time, ticking every second while `active`. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * A run's steps in order, each with its state, attempts, timing and last error. `endedAt` is when the run ended
 * (null while it runs): until then the running step's time counts up.
 */
export function StepTimeline({
  label,
  steps,
  endedAt,
}: {
  label: string;
  steps: StepProgress[];
  endedAt: string | null;
}) {
  const finished = endedAt !== null;
  const now = useNow(!finished);
  return (
    <ol className="relative space-y-0" aria-label={label}>
      {steps.map((step, index) => {
        // A step still "running" in a finished run was cut short (cancelled, or the run failed around it).
        const interrupted = finished && (step.status === 'running' || step.status === 'retrying');
        return (
          <li
            key={step.name}
            data-step={step.name}
            data-status={step.status}
            className="relative flex gap-3 pb-5 last:pb-0"
          >
            {index < steps.length - 1 ? (
              <span aria-hidden="true" className="absolute left-[15px] top-8 h-[calc(100%-2rem)] w-px bg-slate-200" />
            ) : null}
            <StepIcon status={interrupted ? 'skipped' : step.status} index={index} />
            <div className="min-w-0 flex-1 pt-1">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <p className="text-sm font-medium text-slate-900">{step.label}</p>
                {interrupted ? <Badge>Interrupted</Badge> : <StepStatusBadge status={step.status} />}
              </div>
              <StepTiming step={step} now={finished ? Date.parse(endedAt) : now} />
              {step.lastError ? (
                <p
                  className={`mt-2 break-words rounded-md px-3 py-2 font-mono text-xs ${
                    step.status === 'failed' ? 'bg-rose-50 text-rose-800' : 'bg-amber-50 text-amber-900'
                  }`}
                  data-testid="step-error"
                >
                  {step.lastError}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function StepTiming({ step, now }: { step: StepProgress; now: number }) {
  if (!step.startedAt) return null;
  const end = step.finishedAt ? Date.parse(step.finishedAt) : now;
  return (
    <p className="mt-0.5 text-xs text-slate-500" suppressHydrationWarning>
      <span className={step.attempts > 1 ? 'font-medium text-amber-700' : undefined}>
        {step.attempts === 1 ? '1 attempt' : `${step.attempts} attempts`}
      </span>{' '}
      · started <time dateTime={step.startedAt}>{formatTime(step.startedAt)}</time> · {step.finishedAt ? 'took' : 'for'}{' '}
      {formatDuration(end - Date.parse(step.startedAt))}
    </p>
  );
}

const ICON_STYLES: Record<StepStatus, string> = {
  pending: 'bg-white text-slate-400 ring-slate-300',
  skipped: 'bg-white text-slate-300 ring-slate-200',
  running: 'bg-sky-50 text-sky-600 ring-sky-300',
  retrying: 'bg-amber-50 text-amber-600 ring-amber-300',
  done: 'bg-emerald-500 text-white ring-emerald-500',
  failed: 'bg-rose-500 text-white ring-rose-500',
  compensated: 'bg-violet-100 text-violet-700 ring-violet-300',
};

function StepIcon({ status, index }: { status: StepStatus; index: number }) {
  return (
    <span
      aria-hidden="true"
      className={`relative z-10 flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold ring-1 ring-inset ${ICON_STYLES[status]}`}
    >
      {status === 'running' || status === 'retrying' ? (
        <Spinner className="h-4 w-4" />
      ) : status === 'done' ? (
        <svg viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path
            fillRule="evenodd"
            d="M16.704 4.153a.75.75 0 01.143 1.052l-8 10.5a.75.75 0 01-1.127.075l-4.5-4.5a.75.75 0 011.06-1.06l3.894 3.893 7.48-9.817a.75.75 0 011.05-.143z"
            clipRule="evenodd"
          />
        </svg>
      ) : status === 'failed' ? (
        <svg viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path d="M6.28 5.22a.75.75 0 00-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 101.06 1.06L10 11.06l3.72 3.72a.75.75 0 101.06-1.06L11.06 10l3.72-3.72a.75.75 0 00-1.06-1.06L10 8.94 6.28 5.22z" />
        </svg>
      ) : status === 'compensated' ? (
        <svg viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path
            fillRule="evenodd"
            d="M7.793 2.232a.75.75 0 01-.025 1.06L3.622 7.25h10.003a5.375 5.375 0 010 10.75H10.75a.75.75 0 010-1.5h2.875a3.875 3.875 0 000-7.75H3.622l4.146 3.957a.75.75 0 01-1.036 1.085l-5.5-5.25a.75.75 0 010-1.085l5.5-5.25a.75.75 0 011.06.025z"
            clipRule="evenodd"
          />
        </svg>
      ) : (
        index + 1
      )}
    </span>
  );
}

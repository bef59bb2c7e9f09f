import { useNavigate, useRevalidator } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';

import type { JobView, StepProgress } from '@contracts/jobs';
import { STEP_PLANS, type JobKind, type StepStatus } from '@contracts/provisioning-job';

import { formatDateTime, formatDuration, formatTime } from '~/lib/format';
import { loginPath } from '~/lib/safe-redirect';
import { refreshSession } from '~/lib/session.client';

import { Icon } from './icons';
import { JobStatusBadge, StepStatusBadge } from './status-badges';
import { Badge } from './ui/badge';
import { Spinner } from './ui/spinner';

export const JOB_KIND_LABELS: Record<JobKind, string> = {
  provision: 'Provisioning',
  rotate_number: 'Number rotation',
  deprovision: 'Deprovisioning',
};

const terminal = (job: JobView | null) => !job || ['done', 'error', 'canceled'].includes(job.status);

export type LiveState = 'live' | 'reconnecting' | 'stopped' | 'finished';

/**
 * The bot's latest job, kept current by the Server-Sent Events stream while it runs. When the loader brings a
 * newer job (after Retry, Rotate or Delete) the stream follows that one; when a run ends, the page's data is
 * reloaded so the bot's status and number are current too.
 */
export function useLiveJob(botId: string, fromLoader: JobView | null): { job: JobView | null; live: LiveState } {
  const [job, setJob] = useState(fromLoader);
  const [live, setLive] = useState<LiveState>(terminal(fromLoader) ? 'finished' : 'live');
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const navigate = useNavigate();

  useEffect(() => {
    setJob((current) =>
      !fromLoader || !current || fromLoader.id !== current.id || terminal(fromLoader) ? fromLoader : current,
    );
  }, [fromLoader]);

  const jobId = job?.id;
  const running = !terminal(job);
  useEffect(() => {
    if (!jobId || !running) {
      setLive('finished');
      return;
    }
    let source: EventSource | null = null;
    let stopped = false;
    let refreshed = false;
    const connect = () => {
      source = new EventSource(`/api/bots/${botId}/provisioning/stream`);
      source.addEventListener('open', () => setLive('live'));
      source.addEventListener('progress', (event) => {
        setJob(JSON.parse((event as MessageEvent<string>).data) as JobView);
      });
      source.addEventListener('end', () => {
        source?.close();
        setLive('finished');
        revalidate.current();
      });
      source.addEventListener('error', () => {
        if (stopped || !source) return;
        if (source.readyState !== EventSource.CLOSED) return setLive('reconnecting');
        // Refused (not a dropped connection): most likely the access token expired. Refresh once and retry.
        source.close();
        if (refreshed) return setLive('stopped');
        refreshed = true;
        void refreshSession().then((ok) => {
          if (stopped) return;
          if (ok) return connect();
          navigate(loginPath(window.location.pathname), { replace: true });
        });
      });
    };
    connect();
    return () => {
      stopped = true;
      source?.close();
    };
  }, [botId, jobId, running, navigate]);

  return { job, live };
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function JobSummary({ job, live }: { job: JobView; live: LiveState }) {
  const now = useNow(!terminal(job));
  const started = job.startedAt ?? job.createdAt;
  const elapsed = (job.finishedAt ? Date.parse(job.finishedAt) : now) - Date.parse(started);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-base font-semibold text-slate-900">{JOB_KIND_LABELS[job.kind]}</h2>
        <span data-testid="job-status" data-status={job.status}>
          <JobStatusBadge status={job.status} />
        </span>
        <LiveIndicator live={live} />
      </div>
      <div className="flex flex-wrap items-center gap-4 text-sm text-slate-500">
        <span>
          Started <time dateTime={started}>{formatDateTime(started)}</time>
        </span>
        <span suppressHydrationWarning>
          {terminal(job) ? 'Took' : 'Running for'} {formatDuration(elapsed)}
        </span>
        {job.workflowUrl && (
          <a
            href={job.workflowUrl}
            target="_blank"
            rel="noreferrer"
            className="inline-flex items-center gap-1 font-medium text-indigo-600 hover:text-indigo-500"
          >
            Open run in Temporal
            <Icon name="external" className="h-4 w-4" />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        )}
      </div>
    </div>
  );
}

function LiveIndicator({ live }: { live: LiveState }) {
  if (live === 'finished') return null;
  const text = { live: 'Live', reconnecting: 'Reconnecting…', stopped: 'Live updates stopped; reload the page' }[live];
  return (
    <span role="status" className="inline-flex items-center gap-1.5 text-xs font-medium text-slate-500">
      <span
        aria-hidden="true"
        className={`h-2 w-2 rounded-full ${live === 'live' ? 'animate-pulse bg-emerald-500' : 'bg-amber-500'}`}
      />
      {text}
    </span>
  );
}

export function StepList({ job }: { job: JobView }) {
  const finished = terminal(job);
  const now = useNow(!finished);
  const steps: StepProgress[] = job.steps.length
    ? job.steps
    : // Before the first progress write, the plan the job's workflow will run.
      STEP_PLANS[job.kind].map(({ name, label }) => ({
        name,
        label,
        status: 'pending',
        attempts: 0,
        lastError: null,
        startedAt: null,
        finishedAt: null,
      }));
  return (
    <ol className="relative space-y-0" aria-label={`${JOB_KIND_LABELS[job.kind]} steps`}>
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
              <StepTiming step={step} now={finished ? Date.parse(job.finishedAt ?? job.createdAt) : now} />
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

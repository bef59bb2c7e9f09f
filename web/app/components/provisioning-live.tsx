import { useNavigate, useRevalidator } from 'react-router';
import { useEffect, useRef, useState } from 'react';

import type { JobView } from '@contracts/jobs';
import { pendingStep, STEP_PLANS, type JobKind } from '@contracts/provisioning-job';

import { formatDateTime, formatDuration } from '~/lib/format';
import { loginPath } from '~/lib/safe-redirect';
import { refreshSession } from '~/lib/session.client';

import { Icon } from './icons';
import { JobStatusBadge } from './status-badges';
import { StepTimeline, useNow } from './step-timeline';

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
  return (
    <StepTimeline
      label={`${JOB_KIND_LABELS[job.kind]} steps`}
      // Before the first progress write, the plan the job's workflow will run.
      steps={job.steps.length ? job.steps : STEP_PLANS[job.kind].map(pendingStep)}
      endedAt={terminal(job) ? (job.finishedAt ?? job.createdAt) : null}
    />
  );
}

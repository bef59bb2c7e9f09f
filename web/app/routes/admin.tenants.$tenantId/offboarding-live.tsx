import { useEffect, useState } from 'react';

import type { OffboardingRunView } from '@contracts/offboarding';
import { OFFBOARDING_STEPS } from '@contracts/offboarding-steps';
import { pendingStep } from '@contracts/provisioning-job';

import { StepTimeline } from '~/components/step-timeline';
import { Spinner } from '~/components/ui/spinner';
import { formatDateTime } from '~/lib/format';

const POLL_MS = 1_500;
const RUN_LABELS: Record<OffboardingRunView['status'], string> = {
  running: 'Offboarding under way',
  done: 'Offboarded: every row of the tenant is deleted',
  error: 'Offboarding stopped',
};

/**
 * The tenant's offboarding run, polled from the API while it runs (the run record answers after the tenant's rows
 * are gone, so the page keeps following it to the end).
 */
function useLiveOffboarding(initial: OffboardingRunView): OffboardingRunView {
  const [run, setRun] = useState(initial);
  useEffect(() => setRun(initial), [initial]);
  const running = run.status === 'running';
  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const timer = setInterval(() => {
      void fetch(`/api/tenants/${run.tenantId}/offboarding`, { headers: { accept: 'application/json' } })
        .then((response) => (response.ok ? (response.json() as Promise<OffboardingRunView>) : null))
        .then((next) => {
          if (next && !stopped) setRun(next);
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [run.tenantId, running]);
  return run;
}

export function OffboardingLive({ run: initial }: { run: OffboardingRunView }) {
  const run = useLiveOffboarding(initial);
  return (
    <section aria-label="Offboarding" data-testid="offboarding" data-status={run.status} className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h3 className="text-sm font-semibold text-slate-900">{RUN_LABELS[run.status]}</h3>
        {run.status === 'running' ? <Spinner className="h-4 w-4" /> : null}
        <span className="text-xs text-slate-500">
          started {formatDateTime(run.createdAt)}
          {run.finishedAt ? ` · ended ${formatDateTime(run.finishedAt)}` : ''}
        </span>
        {run.workflowUrl ? (
          <a href={run.workflowUrl} target="_blank" rel="noreferrer" className="text-xs font-medium text-indigo-600">
            Open run in Temporal
          </a>
        ) : null}
      </div>
      {run.error ? (
        <p className="rounded-md bg-rose-50 px-3 py-2 font-mono text-xs text-rose-800">{run.error}</p>
      ) : null}
      <StepTimeline
        label="Offboarding steps"
        // Before the first progress write, the plan the workflow will run.
        steps={run.steps.length ? run.steps : OFFBOARDING_STEPS.map(pendingStep)}
        endedAt={run.status === 'running' ? null : (run.finishedAt ?? run.createdAt)}
      />
    </section>
  );
}

/**
 * Step-by-step progress of a provisioning run, kept by the workflow and mirrored into `provisioning_jobs.steps`.
 * Pure functions only: workflows import this file.
 */
import type { StepProgress } from '../../contracts/jobs';
import type { JobStatus } from '../../contracts/provisioning-job';

export interface JobProgress {
  status: JobStatus;
  steps: StepProgress[];
  error: string | null;
}

export function initialProgress(steps: readonly { name: string; label: string }[]): JobProgress {
  return {
    status: 'running',
    error: null,
    steps: steps.map(({ name, label }) => ({
      name,
      label,
      status: 'pending',
      attempts: 0,
      lastError: null,
      startedAt: null,
      finishedAt: null,
    })),
  };
}

/** Returns a copy with one step changed; unknown step names are a programming error. */
export function updateStep(progress: JobProgress, name: string, change: Partial<StepProgress>): JobProgress {
  if (!progress.steps.some((step) => step.name === name)) throw new Error(`unknown step ${name}`);
  return { ...progress, steps: progress.steps.map((step) => (step.name === name ? { ...step, ...change } : step)) };
}

export const isTerminal = (status: JobStatus): boolean =>
  status === 'done' || status === 'error' || status === 'canceled';

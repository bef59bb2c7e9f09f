/**
 * Step-by-step progress of a provisioning run, kept by the workflow and mirrored into `provisioning_jobs.steps`.
 * Pure functions only: workflows import this file.
 */
import type { StepProgress } from '../../contracts/jobs';
import { pendingStep, type JobStatus, type PlannedStep } from '../../contracts/provisioning-job';

export interface JobProgress {
  status: JobStatus;
  steps: StepProgress[];
  error: string | null;
}

export function initialProgress(steps: readonly PlannedStep[]): JobProgress {
  return {
    status: 'running',
    error: null,
    steps: steps.map(pendingStep),
  };
}

/** Returns a copy with one step changed; unknown step names are a programming error. */
export function updateStep(progress: JobProgress, name: string, change: Partial<StepProgress>): JobProgress {
  if (!progress.steps.some((step) => step.name === name)) throw new Error(`unknown step ${name}`);
  return { ...progress, steps: progress.steps.map((step) => (step.name === name ? { ...step, ...change } : step)) };
}

export const isTerminal = (status: JobStatus): boolean =>
  status === 'done' || status === 'error' || status === 'canceled';

import { ActivityFailure, ApplicationFailure, isCancellation, sleep, TimeoutFailure } from '@temporalio/workflow';
import type { JobStatus } from '../../contracts/provisioning-job';
import { initialProgress, updateStep, type JobProgress } from '../../domain/provisioning/step-progress';
import { delayBeforeAttempt, type StepRetryPolicy } from '../../domain/provisioning/retry-policy';

/** Thrown when a step gives up; carries the step and the readable reason. */
export class StepFailedError extends Error {
  constructor(
    readonly step: string,
    readonly reason: string,
  ) {
    super(`${step}: ${reason}`);
  }
}

/** The readable reason of an activity failure (its cause), not Temporal's wrapper text. */
export function failureMessage(error: unknown): string {
  if (error instanceof ActivityFailure && error.cause) {
    if (error.cause instanceof TimeoutFailure) return `timed out (${error.cause.timeoutType})`;
    return error.cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

const isPermanent = (error: unknown): boolean =>
  error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.nonRetryable === true;

/**
 * Runs saga steps with their own retry policies inside the workflow, so every attempt, its error and its timing
 * are part of the progress that the query returns and the job row mirrors.
 */
export class StepRunner {
  progress: JobProgress;

  constructor(
    steps: readonly { name: string; label: string }[],
    private readonly record: (progress: JobProgress) => Promise<void>,
  ) {
    this.progress = initialProgress(steps);
  }

  async run<T>(name: string, policy: StepRetryPolicy, work: () => Promise<T>): Promise<T> {
    const startedAt = new Date().toISOString();
    for (let attempt = 1; ; attempt += 1) {
      await this.set(name, { status: attempt === 1 ? 'running' : 'retrying', attempts: attempt, startedAt });
      try {
        const result = await work();
        await this.set(name, { status: 'done', finishedAt: new Date().toISOString(), lastError: null });
        return result;
      } catch (error) {
        if (isCancellation(error)) throw error;
        const reason = failureMessage(error);
        if (isPermanent(error) || attempt >= policy.maxAttempts) {
          await this.set(name, { status: 'failed', lastError: reason, finishedAt: new Date().toISOString() });
          throw new StepFailedError(name, reason);
        }
        await this.set(name, { lastError: reason });
        await sleep(delayBeforeAttempt(policy, attempt + 1));
      }
    }
  }

  async set(name: string, change: Parameters<typeof updateStep>[2]): Promise<void> {
    this.progress = updateStep(this.progress, name, change);
    await this.record(this.progress);
  }

  /** Marks the step that was under way when the run was canceled, so it does not look like it is still running. */
  async interrupt(reason: string): Promise<void> {
    const current = this.progress.steps.find((step) => step.status === 'running' || step.status === 'retrying');
    if (current)
      await this.set(current.name, { status: 'failed', lastError: reason, finishedAt: new Date().toISOString() });
  }

  /** A step whose effects were undone; a step that itself failed keeps its `failed` status. */
  async compensated(name: string): Promise<void> {
    const step = this.progress.steps.find((candidate) => candidate.name === name);
    if (step?.status === 'done') await this.set(name, { status: 'compensated' });
  }

  async finish(status: JobStatus, error: string | null = null): Promise<void> {
    this.progress = { ...this.progress, status, error };
    await this.record(this.progress);
  }
}

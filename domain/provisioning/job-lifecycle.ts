import type { JobStatus } from '../../contracts/provisioning-job';
import { AppError } from '../errors/app-error';
import { allowsTransition, type TransitionRule } from '../transition-rule';

/**
 * Every status change a provisioning job may make, by its cause. A job is created `queued` with its bot's change
 * (start-job.ts, prepare-bot-release.ts); its workflow reports the rest through its progress (record-job-progress.ts).
 * `done`, `error` and `canceled` are final: no cause leaves them, a retry is a new job.
 */
export const JOB_TRANSITIONS = {
  /** Worker: the run's first step began. */
  started: { from: ['queued'], to: 'running' },
  /** Worker: every step is done. */
  succeeded: { from: ['running'], to: 'done' },
  /** Worker: a step gave up and the saga undid what it could; from `queued` when it failed before its first step. */
  failed: { from: ['queued', 'running'], to: 'error' },
  /** Worker: an admin canceled the run (`POST /api/bots/:id/cancel`) and the saga undid what it could. */
  canceled: { from: ['queued', 'running'], to: 'canceled' },
  /** API: the job's workflow could not be started. */
  start_failed: { from: ['queued'], to: 'error' },
} as const satisfies Record<string, TransitionRule<JobStatus>>;

export type JobTransitionCause = keyof typeof JOB_TRANSITIONS;

export const JOB_TRANSITION_CAUSES = Object.keys(JOB_TRANSITIONS) as JobTransitionCause[];

const FINAL: readonly JobStatus[] = ['done', 'error', 'canceled'];

/** The cause of a status a workflow reports in its progress; `queued` is never reported. */
export const PROGRESS_CAUSES: Record<Exclude<JobStatus, 'queued'>, JobTransitionCause> = {
  running: 'started',
  done: 'succeeded',
  error: 'failed',
  canceled: 'canceled',
};

/** A status change the table does not allow: 409 at the API, a non-retryable failure in the worker. */
export class InvalidJobTransitionError extends AppError {
  constructor(
    readonly from: JobStatus,
    readonly to: JobStatus,
    readonly transitionCause: JobTransitionCause,
  ) {
    super('conflict', `Job is ${from}; it cannot become ${to} (${transitionCause.replaceAll('_', ' ')})`);
    this.name = 'InvalidJobTransitionError';
  }
}

export interface JobTransitionRecord {
  action: 'job.transition';
  targetType: 'provisioning_job';
  targetId: string;
  tenantId: string;
  details: { from: JobStatus; to: JobStatus; cause: JobTransitionCause; botId: string; kind: string; reason?: string };
  /** What the job row becomes: its status, its error (only once it failed or was canceled), and whether it ended. */
  status: JobStatus;
  error: string | null;
  finished: boolean;
}

export const canTransitionJob = (from: JobStatus, to: JobStatus, cause: JobTransitionCause): boolean =>
  allowsTransition<JobStatus>(JOB_TRANSITIONS[cause], from, to);

/**
 * Validates one status change of a job and returns what to write: the audit record and the row's new state.
 * Pure: the caller writes it (record-job-transition.ts). `reason` is required when the job becomes `error`.
 */
export function transitionJob(
  job: { id: string; tenantId: string; botId: string; kind: string; status: JobStatus },
  to: JobStatus,
  cause: JobTransitionCause,
  reason?: string | null,
): JobTransitionRecord {
  if (!canTransitionJob(job.status, to, cause)) throw new InvalidJobTransitionError(job.status, to, cause);
  if (to === 'error' && !reason) throw new AppError('bad_request', 'A job becomes error only with a reason');
  const kept = to === 'error' || to === 'canceled' ? (reason ?? null) : null;
  return {
    action: 'job.transition',
    targetType: 'provisioning_job',
    targetId: job.id,
    tenantId: job.tenantId,
    details: { from: job.status, to, cause, botId: job.botId, kind: job.kind, ...(kept ? { reason: kept } : {}) },
    status: to,
    error: kept,
    finished: FINAL.includes(to),
  };
}

import type { JobStatus } from '../../contracts/provisioning-job';
import type { ProvisioningJob } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { recordTransitionAudit } from '../audit/record-audit';
import type { Actor, SystemActor } from '../auth/actor';
import { transitionJob, type JobTransitionCause } from './job-lifecycle';

/**
 * The one place a job's status is written: validates the change against the lifecycle table, sets the status,
 * its error and its finish time, and records the `job.transition` audit row, all inside the caller's
 * transaction. The caller flushes.
 */
export function applyJobTransition(
  em: ScopedEm,
  actor: Actor | SystemActor | null,
  job: ProvisioningJob,
  change: { to: JobStatus; cause: JobTransitionCause; reason?: string | null; at?: Date },
): void {
  const record = transitionJob(job, change.to, change.cause, change.reason);
  const at = change.at ?? new Date();
  job.status = record.status;
  job.error = record.error;
  job.finishedAt = record.finished ? at : null;
  recordTransitionAudit(em, actor, record);
}

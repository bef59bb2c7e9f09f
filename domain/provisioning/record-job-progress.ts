import { LockMode } from '@mikro-orm/core';
import { ProvisioningJob } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { AppError } from '../errors/app-error';
import { PROGRESS_CAUSES } from './job-lifecycle';
import { applyJobTransition } from './record-job-transition';
import type { JobProgress } from './step-progress';

/**
 * Mirrors a workflow's progress into its job row. Step changes are only written (they are many, and the
 * workflow's history has them all); a change of the job's status goes through the lifecycle table and is
 * audited. A progress whose status the job already has changes no status: Temporal may run the activity again
 * after its first attempt committed. A job that is gone (its tenant removed) is left alone.
 */
export async function recordJobProgress(
  deps: { orm: Orm },
  { actor, jobId, progress }: { actor: SystemActor; jobId: string; progress: JobProgress },
): Promise<'changed' | 'unchanged' | 'absent'> {
  return inScope(deps.orm, actor, async (em) => {
    const job = await em.findOne(ProvisioningJob, { id: jobId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!job) return 'absent';
    const now = new Date();
    job.steps = progress.steps;
    job.startedAt ??= now;
    const changes = job.status !== progress.status;
    if (changes) {
      if (progress.status === 'queued') throw new AppError('bad_request', 'A workflow never reports its job queued');
      const cause = PROGRESS_CAUSES[progress.status];
      applyJobTransition(em, actor, job, { to: progress.status, cause, reason: progress.error, at: now });
    }
    await em.flush();
    return changes ? 'changed' : 'unchanged';
  });
}

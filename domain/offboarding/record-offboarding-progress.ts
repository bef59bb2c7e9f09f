import { OffboardingRun } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import type { JobProgress } from '../provisioning/step-progress';

/**
 * Mirrors the workflow's step progress into the run record, which the API serves. A finished run is stamped; the
 * run's status moves only between running and its end (a failed run is resumed by the API, not here).
 */
export async function recordOffboardingProgress(
  deps: { orm: Orm },
  { actor, runId, progress }: { actor: SystemActor; runId: string; progress: JobProgress },
): Promise<void> {
  await inScope(deps.orm, actor, async (em) => {
    const run = await em.findOne(OffboardingRun, { id: runId });
    if (!run) return;
    run.steps = progress.steps;
    const status = progress.status === 'done' ? 'done' : progress.status === 'running' ? 'running' : 'error';
    run.status = status;
    run.error = progress.error;
    run.finishedAt = status === 'running' ? null : (run.finishedAt ?? new Date());
    await em.flush();
  });
}

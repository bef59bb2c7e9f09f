import { OffboardingRun } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';

/** The export the run requested, if it did already (a repeated step reuses it rather than asking for another). */
export async function findOffboardingExport(
  deps: { orm: Orm },
  { actor, runId }: { actor: SystemActor; runId: string },
): Promise<string | null> {
  return inScope(deps.orm, actor, async (em) => (await em.findOne(OffboardingRun, { id: runId }))?.exportId ?? null);
}

/** Remembers the run's export on its record (the export row outlives the tenant, as the record does). */
export async function recordOffboardingExport(
  deps: { orm: Orm },
  { actor, runId, exportId }: { actor: SystemActor; runId: string; exportId: string },
): Promise<void> {
  await inScope(deps.orm, actor, (em) => em.nativeUpdate(OffboardingRun, { id: runId }, { exportId }));
}

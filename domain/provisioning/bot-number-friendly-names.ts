import { ProvisioningJob } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { numberFriendlyNameFor } from './provisioning-steps';

/** The friendly name of every number the bot may own: its provisioning run's and one per rotation job. */
export async function botNumberFriendlyNames(
  deps: { orm: Orm },
  { actor, botId }: { actor: SystemActor; botId: string },
): Promise<string[]> {
  const rotations = await inScope(deps.orm, actor, (em) =>
    em.find(ProvisioningJob, { botId, kind: 'rotate_number' }, { fields: ['id'] }),
  );
  return [numberFriendlyNameFor(botId), ...rotations.map((job) => numberFriendlyNameFor(botId, job.id))];
}

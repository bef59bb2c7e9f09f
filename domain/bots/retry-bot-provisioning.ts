import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import type { JobView } from '../../contracts/jobs';
import { startJob, type JobDeps } from '../provisioning/start-job';
import { applyBotTransition } from './record-bot-transition';

/** A new provisioning run for a bot whose last one failed (same workflow id, new run). */
export async function retryBotProvisioning(
  deps: JobDeps,
  { actor, botId }: { actor: Actor; botId: string },
): Promise<JobView> {
  assertCan(actor, 'bots:manage');
  return startJob(deps, {
    actor,
    kind: 'provision',
    botId,
    prepare: (em, bot) => applyBotTransition(em, actor, bot, { to: 'provisioning', cause: 'retry' }),
  });
}

import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import type { JobView } from '../../contracts/jobs';
import { startJob, type JobDeps } from '../provisioning/start-job';
import { applyBotTransition } from './record-bot-transition';

/** Deprovisions a bot: its number is released and its app deleted; the row stays as history. */
export async function deleteBot(deps: JobDeps, { actor, botId }: { actor: Actor; botId: string }): Promise<JobView> {
  assertCan(actor, 'bots:manage');
  return startJob(deps, {
    actor,
    kind: 'deprovision',
    botId,
    // A provisioning bot is refused (cancel it first), as is one already deprovisioning or deprovisioned.
    prepare: (em, bot) => applyBotTransition(em, actor, bot, { to: 'deprovisioning', cause: 'delete' }),
  });
}

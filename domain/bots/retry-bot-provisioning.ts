import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { AppError } from '../errors/app-error';
import type { JobView } from '../provisioning/job-view';
import { startJob, type JobDeps } from '../provisioning/start-job';

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
    prepare: (_em, bot) => {
      if (bot.status !== 'failed')
        throw new AppError('conflict', `Only a failed bot can be retried; this one is ${bot.status}`);
      bot.status = 'provisioning';
    },
  });
}

import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { AppError } from '../errors/app-error';
import type { JobView } from '../provisioning/job-view';
import { startJob, type JobDeps } from '../provisioning/start-job';

/** Deprovisions a bot: its number is released and its app deleted; the row stays as history. */
export async function deleteBot(deps: JobDeps, { actor, botId }: { actor: Actor; botId: string }): Promise<JobView> {
  assertCan(actor, 'bots:manage');
  return startJob(deps, {
    actor,
    kind: 'deprovision',
    botId,
    prepare: (_em, bot) => {
      if (bot.status === 'provisioning') throw new AppError('conflict', 'Provisioning is running; cancel it first');
      if (bot.status === 'deprovisioning' || bot.status === 'deprovisioned') {
        throw new AppError('conflict', `Bot is already ${bot.status}`);
      }
      bot.status = 'deprovisioning';
    },
  });
}

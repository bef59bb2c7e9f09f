import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { AppError } from '../errors/app-error';
import type { JobView } from '../../contracts/jobs';
import { startJob, type JobDeps } from '../provisioning/start-job';

export async function rotateBotNumber(
  deps: JobDeps,
  { actor, botId }: { actor: Actor; botId: string },
): Promise<JobView> {
  assertCan(actor, 'bots:manage');
  return startJob(deps, {
    actor,
    kind: 'rotate_number',
    botId,
    prepare: (_em, bot) => {
      if (bot.status !== 'ready')
        throw new AppError('conflict', `Only a ready bot can get a new number; this one is ${bot.status}`);
    },
  });
}

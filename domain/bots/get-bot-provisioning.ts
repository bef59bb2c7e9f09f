import { ProvisioningJob } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { notFound } from '../errors/app-error';
import { operatorLink, toJobView } from '../provisioning/job-view';
import type { JobView } from '../../contracts/jobs';
import type { JobDeps } from '../provisioning/start-job';
import { findBot } from './find-bot';

/** The bot's most recent job with every step's state; the workflow mirrors each transition into it. */
export async function getBotProvisioning(
  deps: JobDeps,
  { actor, botId }: { actor: Actor; botId: string },
): Promise<JobView> {
  assertCan(actor, 'bots:read');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const bot = await findBot(em, botId);
    const job = await em.findOne(ProvisioningJob, { botId: bot.id }, { orderBy: { createdAt: 'desc', id: 'desc' } });
    if (!job) throw notFound('Provisioning job');
    return toJobView(job, operatorLink(actor, deps.provisioning.link));
  });
}

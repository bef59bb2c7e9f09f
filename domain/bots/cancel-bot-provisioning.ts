import type { JobCancellation } from '../../contracts/jobs';
import { ProvisioningJob } from '../../db/entities';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { AppError } from '../errors/app-error';
import { operatorLink } from '../provisioning/job-view';
import type { JobDeps } from '../provisioning/start-job';
import { findBot } from './find-bot';

/** Asks the running job of a bot to stop; its workflow undoes what it created and records the job as canceled. */
export async function cancelBotProvisioning(
  deps: JobDeps,
  { actor, botId }: { actor: Actor; botId: string },
): Promise<JobCancellation> {
  assertCan(actor, 'bots:manage');
  const job = await inScope(deps.orm, scopeOf(actor), async (em) => {
    const bot = await findBot(em, botId);
    const running = await em.findOne(
      ProvisioningJob,
      { botId: bot.id, status: { $in: ['queued', 'running'] } },
      { orderBy: { createdAt: 'desc' } },
    );
    if (!running) throw new AppError('conflict', 'No job of this bot is running');
    recordAudit(em, {
      actor,
      tenantId: bot.tenantId,
      action: 'bot.cancel',
      targetType: 'bot',
      targetId: bot.id,
      details: { jobId: running.id },
    });
    await em.flush();
    return running;
  });
  if (!(await deps.provisioning.cancel(job.workflowId))) throw new AppError('conflict', 'The job already finished');
  return { workflowId: job.workflowId, workflowUrl: operatorLink(actor, deps.provisioning.link)(job.workflowId) };
}

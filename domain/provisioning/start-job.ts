import { randomUUID } from 'node:crypto';
import { Bot, ProvisioningJob } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { applyBotTransition } from '../bots/record-bot-transition';
import { AppError } from '../errors/app-error';
import { operatorLink, toJobView } from './job-view';
import type { JobView } from '../../contracts/jobs';
import { RunInProgressError, type ProvisioningWorkflows } from './provisioning-port';
import { applyJobTransition } from './record-job-transition';
import type { JobKind } from '../../contracts/provisioning-job';
import { provisioningWorkflowId } from './provisioning-steps';

export interface JobDeps {
  orm: Orm;
  provisioning: ProvisioningWorkflows;
}

/**
 * Records a queued job (and whatever `prepare` changes on the bot) in one transaction, then starts its workflow.
 * If the workflow cannot start, the job is kept as an error with the reason: nothing is silently lost.
 */
export async function startJob(
  deps: JobDeps,
  input: {
    actor: Actor;
    kind: JobKind;
    botId: string;
    prepare: (em: ScopedEm, bot: Bot) => Promise<void> | void;
  },
): Promise<JobView> {
  const job = await inScope(deps.orm, scopeOf(input.actor), async (em) => {
    const bot = await em.findOne(Bot, { id: input.botId });
    if (!bot) throw new AppError('not_found', 'Bot not found');
    await input.prepare(em, bot);
    const jobId = randomUUID();
    const created = em.create(ProvisioningJob, {
      id: jobId,
      tenantId: bot.tenantId,
      botId: bot.id,
      kind: input.kind,
      status: 'queued',
      workflowId: provisioningWorkflowId(input.kind, bot.id, jobId),
    });
    recordAudit(em, {
      actor: input.actor,
      tenantId: bot.tenantId,
      action: `bot.${input.kind}`,
      targetType: 'bot',
      targetId: bot.id,
      details: { jobId },
    });
    await em.flush();
    return created;
  });
  try {
    const { runId } = await deps.provisioning.start(input.kind, {
      botId: job.botId,
      tenantId: job.tenantId,
      jobId: job.id,
    });
    job.runId = runId;
    await inScope(deps.orm, { system: 'job-started' }, (em) =>
      em.nativeUpdate(ProvisioningJob, { id: job.id }, { runId }),
    );
  } catch (cause) {
    const reason =
      cause instanceof RunInProgressError
        ? 'Another run for this bot is still in progress'
        : 'The workflow service is unavailable';
    await inScope(deps.orm, { system: 'job-start-failed' }, async (em) => {
      // A run that started after all (the start timed out late) owns its job from `running` on, and its bot too.
      const queued = await em.findOne(ProvisioningJob, { id: job.id, status: 'queued' });
      if (!queued) return;
      applyJobTransition(em, input.actor, queued, { to: 'error', cause: 'start_failed', reason });
      await em.flush();
      const bot = input.kind === 'provision' ? await em.findOne(Bot, { id: job.botId }) : null;
      if (bot?.status === 'provisioning') {
        applyBotTransition(em, input.actor, bot, { to: 'failed', cause: 'workflow_start_failed', reason });
        await em.flush();
      }
    });
    throw new AppError(cause instanceof RunInProgressError ? 'conflict' : 'unavailable', reason, {
      cause,
    });
  }
  return toJobView(job, operatorLink(input.actor, deps.provisioning.link));
}

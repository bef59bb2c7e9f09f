import { randomUUID } from 'node:crypto';
import { Bot, ProvisioningJob, Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { applyBotTransition } from '../bots/record-bot-transition';
import { provisioningWorkflowId } from '../provisioning/provisioning-steps';
import type { BotRelease } from '../tenants/prepare-bot-release';

/**
 * Every bot of an offboarding tenant that may still hold a Heroku app or a Twilio number is marked deprovisioning
 * with a deprovision job (an open one is reused), in one transaction, for the workflow to run. A bot still being
 * provisioned is waited for: releasing now could miss what its run buys next. Safe to repeat; a tenant that is
 * gone (the run resumed after its rows were deleted) has nothing to release.
 */
export async function prepareOffboardingBotRelease(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<BotRelease> {
  return inScope(deps.orm, actor, async (em) => {
    const tenant = await em.findOne(Tenant, { id: tenantId });
    if (!tenant) return { kind: 'nothing_to_remove' };
    const bots = await em.find(Bot, { tenantId, status: { $ne: 'deprovisioned' } }, { orderBy: { createdAt: 'asc' } });
    const provisioningBots = bots.filter((bot) => bot.status === 'provisioning').length;
    if (provisioningBots > 0) return { kind: 'wait', provisioningBots };
    const openJobs = await em.find(ProvisioningJob, {
      botId: { $in: bots.map((bot) => bot.id) },
      kind: 'deprovision',
      status: { $in: ['queued', 'running'] },
    });
    const releases: { botId: string; jobId: string }[] = [];
    for (const bot of bots) {
      const open = openJobs.find((job) => job.botId === bot.id);
      const jobId = open?.id ?? randomUUID();
      if (!open) {
        em.create(ProvisioningJob, {
          id: jobId,
          tenantId,
          botId: bot.id,
          kind: 'deprovision',
          status: 'queued',
          workflowId: provisioningWorkflowId('deprovision', bot.id, jobId),
        });
        recordAudit(em, {
          actor,
          tenantId,
          action: 'bot.deprovision',
          targetType: 'bot',
          targetId: bot.id,
          details: { jobId, reason: 'tenant_offboarding' },
        });
      }
      if (bot.status !== 'deprovisioning') {
        applyBotTransition(em, actor, bot, { to: 'deprovisioning', cause: 'tenant_offboarding' });
      }
      releases.push({ botId: bot.id, jobId });
    }
    await em.flush();
    return { kind: 'release', bots: releases };
  });
}

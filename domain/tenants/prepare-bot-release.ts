import { randomUUID } from 'node:crypto';
import { Bot, ProvisioningJob, Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { applyBotTransition } from '../bots/record-bot-transition';
import { provisioningWorkflowId } from '../provisioning/provisioning-steps';

export type BotRelease =
  /** Tenant gone, or no longer pending: nothing of it is to be removed. */
  | { kind: 'nothing_to_remove' }
  /** A provisioning run is still buying resources; releasing now could miss what it buys next. */
  | { kind: 'wait'; provisioningBots: number }
  /** Deprovision each bot under its job (reused when one is already open), then the tenant may go. */
  | { kind: 'release'; bots: { botId: string; jobId: string }[] };

/**
 * First step of removing a tenant that never verified its email: every bot that may still hold a Heroku app or a
 * Twilio number is marked deprovisioning with a deprovision job, in one transaction, for the workflow to run.
 */
export async function prepareBotRelease(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<BotRelease> {
  return inScope(deps.orm, actor, (em) => releaseBots(em, actor, tenantId));
}

async function releaseBots(em: ScopedEm, actor: SystemActor, tenantId: string): Promise<BotRelease> {
  const tenant = await em.findOne(Tenant, { id: tenantId });
  if (!tenant || tenant.status !== 'pending_verification') return { kind: 'nothing_to_remove' };
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
        details: { jobId, reason: 'tenant_not_verified_in_time' },
      });
    }
    // Already deprovisioning: an earlier attempt of this step (or an admin's delete) moved it.
    if (bot.status !== 'deprovisioning') {
      applyBotTransition(em, actor, bot, { to: 'deprovisioning', cause: 'tenant_not_verified' });
    }
    releases.push({ botId: bot.id, jobId });
  }
  await em.flush();
  return { kind: 'release', bots: releases };
}

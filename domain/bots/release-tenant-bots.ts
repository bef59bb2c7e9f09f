import { randomUUID } from 'node:crypto';
import { Bot, ProvisioningJob } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { provisioningWorkflowId } from '../provisioning/provisioning-steps';
import type { BotTransitionCause } from './bot-lifecycle';
import { applyBotTransition } from './record-bot-transition';

export type BotRelease =
  /** Tenant gone, or not in the state that removes it: nothing of it is to be removed. */
  | { kind: 'nothing_to_remove' }
  /** A provisioning run is still buying resources; releasing now could miss what it buys next. */
  | { kind: 'wait'; provisioningBots: number }
  /** Deprovision each bot under its job (reused when one is already open), then the tenant may go. */
  | { kind: 'release'; bots: { botId: string; jobId: string }[] };

/**
 * Marks every bot of a tenant that is being removed, and that may still hold a Heroku app or a Twilio number,
 * deprovisioning with a deprovision job (an open one is reused), in the caller's transaction, for a workflow to
 * run. A bot still being provisioned is waited for. Safe to repeat: a bot already deprovisioning keeps its job.
 */
export async function releaseTenantBots(
  em: ScopedEm,
  actor: SystemActor,
  { tenantId, cause, reason }: { tenantId: string; cause: BotTransitionCause; reason: string },
): Promise<BotRelease> {
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
        details: { jobId, reason },
      });
    }
    // Already deprovisioning: an earlier attempt of this step (or an admin's delete) moved it.
    if (bot.status !== 'deprovisioning') applyBotTransition(em, actor, bot, { to: 'deprovisioning', cause });
    releases.push({ botId: bot.id, jobId });
  }
  await em.flush();
  return { kind: 'release', bots: releases };
}

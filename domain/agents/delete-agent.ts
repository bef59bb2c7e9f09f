import { Agent } from '../../db/entities';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { notFound } from '../errors/app-error';
import type { Orm } from '../../db/orm';
import { ownTenantOf } from '../auth/tenant-to-read';

/** Stops monitoring an agent; its call logs stay, no longer linked to it. Another tenant's agent is not found. */
export async function deleteAgent(deps: { orm: Orm }, { actor, id }: { actor: Actor; id: string }): Promise<void> {
  const tenantId = ownTenantOf(actor, 'agents:manage');
  await inScope(deps.orm, { tenantId }, async (em) => {
    const agent = await em.findOne(Agent, { id, tenantId });
    if (!agent) throw notFound('Agent');
    recordAudit(em, {
      actor,
      action: 'agent.removed',
      targetType: 'agent',
      targetId: agent.id,
      details: { externalAgentId: agent.externalAgentId },
    });
    em.remove(agent);
    await em.flush();
  });
}

import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { AgentView } from '../../contracts/agents';
import { Agent } from '../../db/entities';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors/app-error';
import type { ElevenLabsDeps } from '../integrations/elevenlabs-deps';
import { ownTenantOf } from '../auth/tenant-to-read';
import { agentDetailsColumns, toAgentView } from './agent-view';
import { readElevenLabsAgent } from './read-elevenlabs-agent';

const alreadyRegistered = () =>
  new AppError('conflict', 'Your organisation monitors this agent already', { extensions: { reason: 'registered' } });

/**
 * Registers an agent of the tenant's ElevenLabs workspace for monitoring, after reading it with the tenant's key.
 * An agent is monitored by one organisation (post-call webhooks route by it): another's registration is refused
 * without saying whose it is.
 */
export async function registerAgent(
  deps: ElevenLabsDeps,
  { actor, agentId, now = new Date() }: { actor: Actor; agentId: string; now?: Date },
): Promise<AgentView> {
  const tenantId = ownTenantOf(actor, 'agents:manage');
  const mine = () => inScope(deps.orm, { tenantId }, (em) => em.count(Agent, { tenantId, externalAgentId: agentId }));
  if (await mine()) throw alreadyRegistered();
  const { integrationId, agent: details } = await readElevenLabsAgent(deps, { tenantId, agentId });
  try {
    return await inScope(deps.orm, { tenantId }, async (em) => {
      const agent = em.create(Agent, {
        tenantId,
        integrationId,
        externalAgentId: details.id,
        ...agentDetailsColumns(details, now),
      });
      recordAudit(em, {
        actor,
        action: 'agent.registered',
        targetType: 'agent',
        targetId: agent.id,
        details: { externalAgentId: details.id, name: details.name },
      });
      await em.flush();
      return toAgentView(agent);
    });
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    // Row-level security hides the other tenant's row; the global unique index does not.
    if (await mine()) throw alreadyRegistered();
    throw new AppError('conflict', 'This agent is registered by another organisation', {
      extensions: { reason: 'registered_elsewhere' },
    });
  }
}

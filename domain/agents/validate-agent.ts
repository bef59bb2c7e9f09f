import type { AgentValidationView } from '../../contracts/agents';
import { Agent } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import type { ElevenLabsDeps } from '../integrations/elevenlabs-deps';
import { ownTenantOf } from '../auth/tenant-to-read';
import { toAgentDetailsView } from './agent-view';
import { readElevenLabsAgent } from './read-elevenlabs-agent';

/** Looks an agent up in the tenant's ElevenLabs workspace before it is registered; changes nothing. */
export async function validateAgent(
  deps: ElevenLabsDeps,
  { actor, agentId }: { actor: Actor; agentId: string },
): Promise<AgentValidationView> {
  const tenantId = ownTenantOf(actor, 'agents:manage');
  const { agent } = await readElevenLabsAgent(deps, { tenantId, agentId });
  const registered = await inScope(deps.orm, { tenantId }, (em) =>
    em.count(Agent, { tenantId, externalAgentId: agent.id }),
  );
  return { ...toAgentDetailsView(agent), registered: registered > 0 };
}

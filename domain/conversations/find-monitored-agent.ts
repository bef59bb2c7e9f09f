import { Agent } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';

/** The tenant's registered agent with this ElevenLabs id (its row id), or null: never another tenant's. */
export async function findMonitoredAgent(
  em: ScopedEm,
  { tenantId, externalAgentId }: { tenantId: string; externalAgentId: string },
): Promise<string | null> {
  const agent = await em.findOne(Agent, { tenantId, externalAgentId }, { fields: ['id'] });
  return agent?.id ?? null;
}

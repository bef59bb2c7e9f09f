import { AGENT_STATS_DAYS, type AgentList } from '../../contracts/agents';
import { Agent, TenantSettings } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import type { ElevenLabsDeps } from '../integrations/elevenlabs-deps';
import { tenantToRead } from '../auth/tenant-to-read';
import { agentStats } from './agent-stats';
import { NO_CALLS, toAgentView } from './agent-view';
import { refreshAgentDetails } from './refresh-agent-details';

const DAY_MS = 86_400_000;

/** A zone Postgres and Intl both know, else UTC: a bad setting must not fail the list. */
function knownZone(timezone: string | undefined): string {
  if (!timezone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return timezone;
  } catch {
    return 'UTC';
  }
}

/**
 * The tenant's monitored agents with their call statistics (customers: their own; platform staff: the tenant
 * they name). Stale details are read again from ElevenLabs first when the key is ACTIVE (refresh-agent-details.ts).
 */
export async function listAgents(
  deps: ElevenLabsDeps,
  { actor, tenantId, now = new Date() }: { actor: Actor; tenantId?: string; now?: Date },
): Promise<AgentList> {
  const target = tenantToRead(actor, tenantId, 'agents:read');
  const since = new Date(now.getTime() - AGENT_STATS_DAYS * DAY_MS);
  // One transaction for everything the list reads; a refresh changes details, never which agents or their calls.
  const { agents, timezone, stats } = await inScope(deps.orm, scopeOf(actor), async (em) => {
    const agents = await em.find(Agent, { tenantId: target }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const timezone = knownZone((await em.findOne(TenantSettings, { tenantId: target }))?.timezone);
    const agentIds = agents.map((agent) => agent.id);
    return { agents, timezone, stats: await agentStats(em, { tenantId: target, agentIds, timezone, since, now }) };
  });
  const current = await refreshAgentDetails(deps, { tenantId: target, agents, now });
  return {
    items: current.map((agent) => toAgentView(agent, stats.get(agent.id) ?? NO_CALLS)),
    timezone,
    statsSince: since.toISOString(),
  };
}

import { Agent } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { ElevenLabsDeps } from '../integrations/elevenlabs-deps';
import { loadElevenLabsCredentials } from '../integrations/elevenlabs-credentials';
import { agentDetailsColumns } from './agent-view';

/** Details older than this are read again when the list is shown. */
const AGENT_REFRESH_AFTER_MS = 5 * 60_000;
/** At most this many agents are read per listing, the stalest first; the rest wait for the next one. */
const MAX_REFRESHED = 5;
/** A person waits on the list: whatever ElevenLabs has not answered by then waits for the next listing too. */
const REFRESH_DEADLINE_MS = 3_000;

const within = <T>(work: Promise<T>, ms: number): Promise<T | undefined> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
};

/**
 * Reads the stalest agents' names and settings again from ElevenLabs when the tenant's key is ACTIVE, and stores
 * them. Best effort: failures and slow answers leave the stored details as they are, and never fail the caller.
 * Returns the agents as they are now.
 */
export async function refreshAgentDetails(
  deps: ElevenLabsDeps,
  { tenantId, agents, now }: { tenantId: string; agents: Agent[]; now: Date },
): Promise<Agent[]> {
  const stale = agents
    .filter((agent) => !agent.refreshedAt || now.getTime() - agent.refreshedAt.getTime() >= AGENT_REFRESH_AFTER_MS)
    .sort((a, b) => (a.refreshedAt?.getTime() ?? 0) - (b.refreshedAt?.getTime() ?? 0))
    .slice(0, MAX_REFRESHED);
  const accounts = deps.elevenLabs?.accounts;
  if (!accounts || stale.length === 0) return agents;
  // A key no configured secret opens (a rotation half done) is the integration page's problem, not the list's.
  const integration = await loadElevenLabsCredentials(deps, { tenantId }).catch(() => null);
  if (integration?.status !== 'active') return agents;
  const { apiKey } = integration;

  const answers = await Promise.all(
    stale.map(async (agent) => {
      const details = await within(accounts.getAgent(apiKey, agent.externalAgentId), REFRESH_DEADLINE_MS).catch(
        () => undefined,
      );
      return { agent, details };
    }),
  );
  // An agent ElevenLabs no longer has (null) keeps its last details; it is asked again after the interval.
  const changes = new Map<string, Partial<Agent>>();
  for (const { agent, details } of answers) {
    if (details === undefined) continue;
    changes.set(agent.id, details === null ? { refreshedAt: now } : agentDetailsColumns(details, now));
  }
  if (changes.size === 0) return agents;
  await inScope(deps.orm, { tenantId }, async (em) => {
    for (const [id, change] of changes) await em.nativeUpdate(Agent, { id, tenantId }, change);
  });
  return agents.map((agent) => (changes.has(agent.id) ? { ...agent, ...changes.get(agent.id) } : agent));
}

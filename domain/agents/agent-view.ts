import type { AgentDetailsView, AgentStatsView, AgentView } from '../../contracts/agents';
import type { Agent } from '../../db/entities';
import type { AgentDetails } from '../integrations/elevenlabs-accounts-port';

export const toAgentDetailsView = (agent: AgentDetails): AgentDetailsView => ({
  agentId: agent.id,
  name: agent.name,
  language: agent.language,
  voiceId: agent.voiceId,
  firstMessage: agent.firstMessage,
  tags: agent.tags,
});

export const NO_CALLS: AgentStatsView = {
  callsToday: 0,
  calls: 0,
  minutes: 0,
  successRate: null,
  averageDurationSeconds: null,
  lastCallAt: null,
};

/** The agent's details as last read from ElevenLabs, the platform's ids, and its call statistics. */
export const toAgentView = (agent: Agent, stats: AgentStatsView = NO_CALLS): AgentView => ({
  id: agent.id,
  tenantId: agent.tenantId,
  agentId: agent.externalAgentId,
  name: agent.name,
  language: agent.language ?? null,
  voiceId: agent.voiceId ?? null,
  firstMessage: agent.firstMessage ?? null,
  tags: agent.tags ?? [],
  refreshedAt: agent.refreshedAt?.toISOString() ?? null,
  createdAt: agent.createdAt.toISOString(),
  stats,
});

/** The details ElevenLabs gave, as the agent row keeps them. */
export const agentDetailsColumns = (details: AgentDetails, now: Date) => ({
  name: details.name,
  language: details.language,
  voiceId: details.voiceId,
  firstMessage: details.firstMessage,
  tags: details.tags,
  refreshedAt: now,
});

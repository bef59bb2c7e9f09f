import { z } from 'zod';

/** An ElevenLabs agent id as shown in its dashboard (`agent_…`): letters, digits, `_` and `-`. */
const ExternalAgentId = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not an ElevenLabs agent id (letters, digits, _ and - only)');

export const AgentIdBody = z.strictObject({ agentId: ExternalAgentId });
export type AgentIdBody = z.infer<typeof AgentIdBody>;

/** Platform staff name the tenant; a customer's is their own. */
export const AgentListQuery = z.strictObject({ tenantId: z.uuid().optional() });
export type AgentListQuery = z.infer<typeof AgentListQuery>;

export const AgentParams = z.object({ id: z.uuid() });

/** An agent as ElevenLabs describes it. */
export const AgentDetailsView = z
  .object({
    agentId: z.string(),
    name: z.string(),
    language: z.string().nullable(),
    voiceId: z.string().nullable(),
    firstMessage: z.string().nullable(),
    tags: z.array(z.string()),
  })
  .meta({ id: 'AgentDetailsView' });
export type AgentDetailsView = z.infer<typeof AgentDetailsView>;

/** `POST /api/agents/validate`: the agent, and whether this organisation monitors it already. */
export const AgentValidationView = AgentDetailsView.extend({ registered: z.boolean() }).meta({
  id: 'AgentValidationView',
});
export type AgentValidationView = z.infer<typeof AgentValidationView>;

/**
 * An agent's calls from its call logs. `callsToday` counts from midnight in the tenant's time zone, `lastCallAt`
 * is its last call ever; the rest cover the last `AGENT_STATS_DAYS` days. `successRate` is successes among calls
 * ElevenLabs judged (0–1), null when none.
 */
export const AgentStatsView = z
  .object({
    callsToday: z.int().min(0),
    calls: z.int().min(0),
    minutes: z.number().min(0),
    successRate: z.number().min(0).max(1).nullable(),
    averageDurationSeconds: z.number().min(0).nullable(),
    lastCallAt: z.string().nullable(),
  })
  .meta({ id: 'AgentStatsView' });
export type AgentStatsView = z.infer<typeof AgentStatsView>;

export const AGENT_STATS_DAYS = 30;

export const AgentView = AgentDetailsView.extend({
  id: z.uuid(),
  tenantId: z.uuid(),
  /** When the details were last read from ElevenLabs. */
  refreshedAt: z.string().nullable(),
  createdAt: z.string(),
  stats: AgentStatsView,
}).meta({ id: 'AgentView' });
export type AgentView = z.infer<typeof AgentView>;

export const AgentList = z
  .object({
    items: z.array(AgentView),
    /** The IANA zone "today" is counted in. */
    timezone: z.string(),
    /** Where the period of the other statistics starts. */
    statsSince: z.string(),
  })
  .meta({ id: 'AgentList' });
export type AgentList = z.infer<typeof AgentList>;

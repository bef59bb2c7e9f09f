import type { AgentStatsView } from '../../contracts/agents';
import { ELEVENLABS_CALL_PROVIDER } from '../../contracts/conversation';
import type { ScopedEm } from '../../db/scope';

interface StatsRow {
  agent_id: string;
  calls_today: string;
  calls: string;
  seconds: string | null;
  successes: string;
  judged: string;
  average_seconds: string | null;
  last_call_at: Date | null;
}

/**
 * Call statistics per agent of one tenant from its ElevenLabs call logs: calls since midnight in `timezone`, and
 * calls, minutes, success rate and average duration since `since`; the last call of all time.
 */
export async function agentStats(
  em: ScopedEm,
  {
    tenantId,
    agentIds,
    timezone,
    since,
    now,
  }: {
    tenantId: string;
    agentIds: string[];
    timezone: string;
    since: Date;
    now: Date;
  },
): Promise<Map<string, AgentStatsView>> {
  if (agentIds.length === 0) return new Map();
  const rows = await em.execute<StatsRow[]>(
    `select agent_id,
       count(*) filter (where started_at >= date_trunc('day', ?::timestamptz at time zone ?) at time zone ?)
         as calls_today,
       count(*) filter (where started_at >= ?) as calls,
       sum(duration_seconds) filter (where started_at >= ?) as seconds,
       count(*) filter (where started_at >= ? and outcome = 'success') as successes,
       count(*) filter (where started_at >= ? and outcome in ('success', 'failure')) as judged,
       avg(duration_seconds) filter (where started_at >= ?) as average_seconds,
       max(started_at) as last_call_at
     from call_logs
     where tenant_id = ? and provider = ? and agent_id in (?)
     group by agent_id`,
    [now, timezone, timezone, since, since, since, since, since, tenantId, ELEVENLABS_CALL_PROVIDER, agentIds],
  );
  return new Map(rows.map((row) => [row.agent_id, toStats(row)]));
}

function toStats(row: StatsRow): AgentStatsView {
  const judged = Number(row.judged);
  return {
    callsToday: Number(row.calls_today),
    calls: Number(row.calls),
    minutes: Math.round((Number(row.seconds ?? 0) / 60) * 10) / 10,
    successRate: judged > 0 ? Number(row.successes) / judged : null,
    averageDurationSeconds: row.average_seconds === null ? null : Math.round(Number(row.average_seconds)),
    lastCallAt: row.last_call_at ? new Date(row.last_call_at).toISOString() : null,
  };
}

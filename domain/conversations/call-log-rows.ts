import type { CallLogStatus } from '../../contracts/call-status';
import type { CallDirection, CallOutcome } from '../../contracts/conversation';
import type { ScopedEm } from '../../db/scope';
import type { SqlFragment } from './call-log-filters';

/** A call log as the history reads it, with its agent's name (snake_case, as PostgreSQL answers). */
export interface CallLogRow {
  id: string;
  tenant_id: string;
  agent_id: string | null;
  agent_name: string | null;
  external_call_id: string;
  status: CallLogStatus;
  outcome: CallOutcome | null;
  direction: CallDirection | null;
  title: string | null;
  /** The driver answers timestamps of raw queries as Dates or as text: read them with `new Date(…)`. */
  started_at: Date | string;
  /** started_at in microseconds since the epoch, for the cursor. */
  started_us: string;
  ended_at: Date | string | null;
  duration_seconds: number | null;
  cost_usd: string | null;
  language: string | null;
  from_number: string | null;
  to_number: string | null;
  audio_key: string | null;
  summary: string | null;
  termination_reason: string | null;
}

/** The rest of a call, for its own page. */
export interface CallLogDetailRow extends CallLogRow {
  transcript: unknown;
  analysis: unknown;
  cost_credits: number | null;
  llm_cost_usd: string | null;
  failure_reason: string | null;
  anonymized: boolean;
}

const COLUMNS = `c.id, c.tenant_id, c.agent_id, a.name as agent_name, c.external_call_id, c.status, c.outcome,
  c.direction, c.title, c.started_at, (extract(epoch from c.started_at) * 1000000)::bigint::text as started_us,
  c.ended_at, c.duration_seconds, c.cost_usd::text as cost_usd, c.language, c.from_number, c.to_number,
  c.audio_key, c.summary, c.termination_reason`;
const DETAIL_COLUMNS = `${COLUMNS}, c.transcript, c.analysis, c.cost_credits, c.llm_cost_usd::text as llm_cost_usd,
  c.failure_reason, c.anonymized`;
const FROM = 'from call_logs c left join agents a on a.id = c.agent_id and a.tenant_id = c.tenant_id';

/** Call logs matching `where`, newest first (ties by id), at most `limit`. */
export const findCallLogRows = (em: ScopedEm, where: SqlFragment, limit: number): Promise<CallLogRow[]> =>
  em.execute<CallLogRow[]>(
    `select ${COLUMNS} ${FROM} where ${where.sql} order by c.started_at desc, c.id desc limit ?`,
    [...where.params, limit],
  );

export async function findCallLogDetailRow(em: ScopedEm, where: SqlFragment): Promise<CallLogDetailRow | null> {
  const [row] = await em.execute<CallLogDetailRow[]>(`select ${DETAIL_COLUMNS} ${FROM} where ${where.sql}`, [
    ...where.params,
  ]);
  return row ?? null;
}

import type { CallLogFilter } from '../../contracts/call-logs';
import { ELEVENLABS_CALL_PROVIDER } from '../../contracts/conversation';
import { AppError } from '../errors/app-error';

/** A piece of SQL with its `?` parameters, in order. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

const DAY_MS = 86_400_000;
const startOfDay = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/** `%`, `_` and the escape character itself match literally in a LIKE pattern. */
const likeLiteral = (text: string): string => text.replace(/[!%_]/g, (char) => `!${char}`);

/**
 * The WHERE clause of the call history (table alias `c`): ElevenLabs call logs of `tenantId` (every tenant's when
 * null, for staff) that pass every filter. Days are inclusive UTC days.
 */
export function callLogWhere(filter: Omit<CallLogFilter, 'tenantId'>, tenantId: string | null): SqlFragment {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AppError('bad_request', '`to` must not be before `from`', {
      errors: [{ path: 'querystring.to', message: 'must not be before from' }],
    });
  }
  if (filter.minDuration !== undefined && filter.maxDuration !== undefined && filter.minDuration > filter.maxDuration) {
    throw new AppError('bad_request', '`maxDuration` must not be below `minDuration`', {
      errors: [{ path: 'querystring.maxDuration', message: 'must not be below minDuration' }],
    });
  }
  const clauses: string[] = ['c.provider = ?'];
  const params: unknown[] = [ELEVENLABS_CALL_PROVIDER];
  const add = (sql: string, ...values: unknown[]) => {
    clauses.push(sql);
    params.push(...values);
  };
  if (tenantId) add('c.tenant_id = ?', tenantId);
  if (filter.agentId) add('c.agent_id = ?', filter.agentId);
  if (filter.from) add('c.started_at >= ?', startOfDay(filter.from));
  if (filter.to) add('c.started_at < ?', new Date(startOfDay(filter.to).getTime() + DAY_MS));
  if (filter.status) add('c.status = ?', filter.status);
  if (filter.outcome) add('c.outcome = ?', filter.outcome);
  // A call without a duration yet (still running) counts as 0 s.
  if (filter.minDuration !== undefined) add('coalesce(c.duration_seconds, 0) >= ?', filter.minDuration);
  if (filter.maxDuration !== undefined) add('coalesce(c.duration_seconds, 0) <= ?', filter.maxDuration);
  if (filter.q) add(`c.transcript_text ilike ? escape '!'`, `%${likeLiteral(filter.q)}%`);
  return { sql: clauses.join(' and '), params };
}

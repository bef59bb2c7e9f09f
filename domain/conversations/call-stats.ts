import type { CallTotals, DailyCallVolume } from '../../contracts/analytics';
import { ELEVENLABS_CALL_PROVIDER } from '../../contracts/conversation';
import type { ScopedEm } from '../../db/scope';
import type { SqlFragment } from './call-log-filters';

/** ElevenLabs calls that started in [from, to) (UTC), of one tenant or, for null, of every tenant. */
export interface CallWindow {
  tenantId: string | null;
  from: Date;
  to: Date;
}

export const windowWhere = ({ tenantId, from, to }: CallWindow): SqlFragment => ({
  sql: `c.provider = ? and c.started_at >= ? and c.started_at < ?${tenantId ? ' and c.tenant_id = ?' : ''}`,
  params: [ELEVENLABS_CALL_PROVIDER, from, to, ...(tenantId ? [tenantId] : [])],
});

/** The aggregates every statistic shares, over calls aliased `c`; a call still without a duration counts 0 s. */
export const CALL_AGGREGATES = `count(*)::int as calls,
  coalesce(sum(greatest(c.duration_seconds, 0)), 0)::float8 as duration_seconds,
  coalesce(sum(ceil(greatest(coalesce(c.duration_seconds, 0), 0) / 60.0)), 0)::float8 as billable_minutes,
  (count(*) filter (where c.outcome = 'success'))::int as successes,
  (count(*) filter (where c.outcome in ('success', 'failure')))::int as evaluated,
  coalesce(sum(c.cost_usd), 0)::text as cost_usd`;

export interface AggregateRow {
  calls: number;
  duration_seconds: number;
  billable_minutes: number;
  successes: number;
  evaluated: number;
  /** Exact decimal USD. */
  cost_usd: string;
}

const minutesOf = (seconds: number): number => Math.round((seconds / 60) * 100) / 100;

export const toCallTotals = (row: AggregateRow): CallTotals => ({
  calls: row.calls,
  durationSeconds: row.duration_seconds,
  minutes: minutesOf(row.duration_seconds),
  successRate: row.evaluated === 0 ? null : row.successes / row.evaluated,
});

export async function aggregateCalls(em: ScopedEm, window: CallWindow): Promise<AggregateRow> {
  const where = windowWhere(window);
  const [row] = await em.execute<AggregateRow[]>(`select ${CALL_AGGREGATES} from call_logs c where ${where.sql}`, [
    ...where.params,
  ]);
  return row!;
}

/** Calls and minutes per UTC day of `days` (every one present, zero when quiet). */
export async function dailyCallVolume(em: ScopedEm, window: CallWindow, days: string[]): Promise<DailyCallVolume[]> {
  const where = windowWhere(window);
  const rows = await em.execute<{ day: string; calls: number; duration_seconds: number }[]>(
    `select to_char(c.started_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as calls,
            coalesce(sum(greatest(c.duration_seconds, 0)), 0)::float8 as duration_seconds
       from call_logs c where ${where.sql} group by 1`,
    [...where.params],
  );
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return days.map((day) => {
    const row = byDay.get(day);
    return { day, calls: row?.calls ?? 0, minutes: minutesOf(row?.duration_seconds ?? 0) };
  });
}

/** A non-negative decimal amount as PostgreSQL sums numeric ("12.345678") in whole cents, half up, exactly. */
export function decimalCents(amount: string): number {
  const [whole = '0', fraction = ''] = amount.split('.');
  const digits = fraction.padEnd(3, '0');
  return Number(whole) * 100 + Number(digits.slice(0, 2)) + (Number(digits[2]) >= 5 ? 1 : 0);
}

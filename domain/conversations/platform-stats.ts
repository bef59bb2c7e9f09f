import type { PlatformStats, TenantCallStats } from '../../contracts/analytics';
import { ELEVENLABS_CALL_PROVIDER } from '../../contracts/conversation';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { daysBetween } from '../usage/usage-range';
import {
  aggregateCalls,
  CALL_AGGREGATES,
  dailyCallVolume,
  toCallTotals,
  windowWhere,
  type AggregateRow,
  type CallWindow,
} from './call-stats';

const DAY_MS = 86_400_000;
const TOP_TENANTS = 10;

/**
 * Monitoring across every tenant, for platform staff (seed 004's getPlatformStats): tenants with an active
 * ElevenLabs key, agents monitored, calls and minutes today and over the last 30 days (UTC, today included),
 * calls per day, and the busiest tenants.
 */
export async function platformStats(
  deps: { orm: Orm },
  { actor, now = new Date() }: { actor: Actor; now?: Date },
): Promise<PlatformStats> {
  assertCan(actor, 'platform:stats');
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const tomorrow = new Date(today.getTime() + DAY_MS);
  const todayWindow: CallWindow = { tenantId: null, from: today, to: tomorrow };
  const month: CallWindow = { tenantId: null, from: new Date(today.getTime() - 29 * DAY_MS), to: tomorrow };
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const [{ tenants, agents }] = await em.execute<[{ tenants: number; agents: number }]>(
      `select (select count(distinct tenant_id) from integrations where provider = ? and status = 'active')::int
                as tenants,
              (select count(*) from agents)::int as agents`,
      [ELEVENLABS_CALL_PROVIDER],
    );
    const last30 = await aggregateCalls(em, month);
    return {
      activeTenants: tenants,
      agentsMonitored: agents,
      today: toCallTotals(await aggregateCalls(em, todayWindow)),
      last30Days: { ...toCallTotals(last30), elevenLabsCostUsd: Number(last30.cost_usd) },
      daily: await dailyCallVolume(em, month, daysBetween(isoDay(month.from), isoDay(today))),
      topTenants: await topTenants(em, month),
      generatedAt: now.toISOString(),
    };
  });
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

async function topTenants(em: ScopedEm, window: CallWindow): Promise<TenantCallStats[]> {
  const where = windowWhere(window);
  const rows = await em.execute<(AggregateRow & { tenant_id: string; tenant_name: string })[]>(
    `select c.tenant_id, t.name as tenant_name, ${CALL_AGGREGATES}
       from call_logs c join tenants t on t.id = c.tenant_id
      where ${where.sql}
      group by c.tenant_id, t.name
      order by calls desc, t.name
      limit ?`,
    [...where.params, TOP_TENANTS],
  );
  return rows.map((row) => ({ tenantId: row.tenant_id, tenantName: row.tenant_name, ...toCallTotals(row) }));
}

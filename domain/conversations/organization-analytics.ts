import type {
  AgentCallStats,
  CostAmount,
  OrganizationAnalytics,
  OrganizationAnalyticsQuery,
} from '../../contracts/analytics';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { findTenantPlan } from '../billing/find-tenant-plan';
import { toPlanPricing } from '../billing/plan-pricing';
import { rateUsage, withoutMonthlyFee } from '../billing/rate-usage';
import { tenantToRead } from '../auth/tenant-to-read';
import { daysBetween, resolveRange } from '../usage/usage-range';
import {
  aggregateCalls,
  CALL_AGGREGATES,
  dailyCallVolume,
  decimalCents,
  toCallTotals,
  windowWhere,
  type AggregateRow,
  type CallWindow,
} from './call-stats';

const DAY_MS = 86_400_000;
/** Without dates: the 30 days up to today. */
const DEFAULT_DAYS = 30;
const isoDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

/**
 * One organisation's monitored calls over a day range: totals with the estimated cost (what ElevenLabs charged
 * plus the platform's price of the minutes), calls and minutes per day, and per agent with duration percentiles.
 */
export async function organizationAnalytics(
  deps: { orm: Orm },
  { actor, query, now = new Date() }: { actor: Actor; query: OrganizationAnalyticsQuery; now?: Date },
): Promise<OrganizationAnalytics> {
  const tenantId = tenantToRead(actor, query.tenantId, 'calls:read');
  const range = rangeOf(query, now);
  const window: CallWindow = {
    tenantId,
    from: new Date(`${range.from}T00:00:00.000Z`),
    to: new Date(Date.parse(`${range.to}T00:00:00.000Z`) + DAY_MS),
  };
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const aggregate = await aggregateCalls(em, window);
    const platformPrice = await platformPriceOf(em, tenantId, aggregate.billable_minutes);
    const elevenLabs: CostAmount = { currency: 'usd', cents: decimalCents(aggregate.cost_usd) };
    return {
      tenantId,
      range,
      totals: {
        ...toCallTotals(aggregate),
        billableMinutes: aggregate.billable_minutes,
        elevenLabsCostUsd: Number(aggregate.cost_usd),
        platformPrice,
        estimatedCost: addAmounts([elevenLabs, ...(platformPrice ? [platformPrice] : [])]),
      },
      daily: await dailyCallVolume(em, window, daysBetween(range.from, range.to)),
      agents: await agentCallStats(em, window),
    };
  });
}

/** `from`..`to` (by default up to today, or 30 days), checked as usage ranges are: at most a year. */
function rangeOf({ from, to }: OrganizationAnalyticsQuery, now: Date): { from: string; to: string } {
  const today = isoDay(now.getTime());
  const end = to ?? (from && from > today ? from : today);
  const start = from ?? isoDay(Date.parse(end) - (DEFAULT_DAYS - 1) * DAY_MS);
  return resolveRange('custom', now, { from: start, to: end });
}

/**
 * The platform's price of the minutes on the tenant's plan, rated as one billing period would be: the plan's
 * included minutes first, then its graduated bands (domain/billing/rate-usage.ts), without the monthly fee.
 */
async function platformPriceOf(em: ScopedEm, tenantId: string, billableMinutes: number) {
  const current = await findTenantPlan(em, tenantId);
  if (!current) return null;
  const plan = withoutMonthlyFee(toPlanPricing(current.plan));
  return {
    plan: plan.name,
    currency: current.plan.currency.trim().toLowerCase(),
    cents: rateUsage(plan, { minutes: billableMinutes }).totalCents,
    includedMinutes: plan.usage.minutes.included,
  };
}

const addAmounts = (amounts: CostAmount[]): CostAmount[] => {
  const sums = new Map<string, number>();
  for (const { currency, cents } of amounts) sums.set(currency, (sums.get(currency) ?? 0) + cents);
  return [...sums].map(([currency, cents]) => ({ currency, cents }));
};

/** Durations are whole seconds: their percentiles to a tenth of one are plenty (and free of float noise). */
const tenths = (seconds: number | undefined): number | null =>
  seconds === undefined ? null : Math.round(seconds * 10) / 10;

async function agentCallStats(em: ScopedEm, window: CallWindow): Promise<AgentCallStats[]> {
  const where = windowWhere(window);
  const rows = await em.execute<
    (AggregateRow & { agent_id: string | null; agent_name: string | null; percentiles: number[] | null })[]
  >(
    `select c.agent_id, a.name as agent_name, ${CALL_AGGREGATES},
            percentile_cont(array[0.5, 0.9, 0.99]) within group (order by c.duration_seconds)
              filter (where c.duration_seconds > 0) as percentiles
       from call_logs c left join agents a on a.id = c.agent_id and a.tenant_id = c.tenant_id
      where ${where.sql}
      group by c.agent_id, a.name
      order by calls desc, a.name nulls last`,
    [...where.params],
  );
  return rows.map((row) => ({
    agentId: row.agent_id,
    agentName: row.agent_name,
    ...toCallTotals(row),
    duration: {
      p50: tenths(row.percentiles?.[0]),
      p90: tenths(row.percentiles?.[1]),
      p99: tenths(row.percentiles?.[2]),
    },
  }));
}

import { z } from 'zod';
import { UsableDay } from './usage';

/**
 * Analytics of monitored ElevenLabs calls: one organisation's (dashboard) and the platform's across tenants
 * (staff). Days are UTC; a call counts on the day it started. Minutes are the calls' durations in minutes;
 * billable minutes count every started minute per call, as invoices do.
 */

export const OrganizationAnalyticsQuery = z.strictObject({
  /** Default: the 30 days up to today. At most 366 days. */
  from: UsableDay.optional(),
  to: UsableDay.optional(),
  /** Platform staff name the tenant; customers get their own. */
  tenantId: z.uuid().optional(),
});
export type OrganizationAnalyticsQuery = z.infer<typeof OrganizationAnalyticsQuery>;

/** An amount in one currency, in cents (rounded half up from the exact sum). */
export const CostAmount = z.object({ currency: z.string(), cents: z.int() }).meta({ id: 'CostAmount' });
export type CostAmount = z.infer<typeof CostAmount>;

/** Successful calls among those ElevenLabs evaluated (success or failure), 0–1; null when none was. */
const SuccessRate = z.number().min(0).max(1).nullable();

export const CallTotals = z
  .object({
    calls: z.int().min(0),
    durationSeconds: z.int().min(0),
    minutes: z.number().min(0),
    successRate: SuccessRate,
  })
  .meta({ id: 'CallTotals' });
export type CallTotals = z.infer<typeof CallTotals>;

export const DailyCallVolume = z
  .object({ day: z.iso.date(), calls: z.int().min(0), minutes: z.number().min(0) })
  .meta({ id: 'DailyCallVolume' });
export type DailyCallVolume = z.infer<typeof DailyCallVolume>;

/** Duration percentiles (seconds, interpolated) over the calls that connected (duration above zero). */
export const DurationPercentiles = z
  .object({ p50: z.number().nullable(), p90: z.number().nullable(), p99: z.number().nullable() })
  .meta({ id: 'DurationPercentiles' });

export const AgentCallStats = CallTotals.extend({
  agentId: z.uuid().nullable(),
  /** null for calls of agents removed since (grouped as one row). */
  agentName: z.string().nullable(),
  duration: DurationPercentiles,
}).meta({ id: 'AgentCallStats' });
export type AgentCallStats = z.infer<typeof AgentCallStats>;

export const OrganizationAnalytics = z
  .object({
    tenantId: z.uuid(),
    range: z.object({ from: z.iso.date(), to: z.iso.date() }),
    totals: CallTotals.extend({
      billableMinutes: z.int().min(0),
      /** What ElevenLabs charged the tenant's workspace for these calls, in USD (as it reported, exact). */
      elevenLabsCostUsd: z.number().min(0),
      /**
       * The platform's price of the billable minutes on the tenant's plan, rated as one billing period (its
       * included minutes first, then its price bands); null for a tenant without a plan.
       */
      platformPrice: z
        .object({ plan: z.string(), currency: z.string(), cents: z.int().min(0), includedMinutes: z.int().min(0) })
        .nullable(),
      /** ElevenLabs' cost plus the platform's price, one amount per currency (they are not converted). */
      estimatedCost: z.array(CostAmount),
    }),
    daily: z.array(DailyCallVolume),
    /** Busiest agent first. */
    agents: z.array(AgentCallStats),
  })
  .meta({ id: 'OrganizationAnalytics' });
export type OrganizationAnalytics = z.infer<typeof OrganizationAnalytics>;

export const TenantCallStats = CallTotals.extend({ tenantId: z.uuid(), tenantName: z.string() }).meta({
  id: 'TenantCallStats',
});
export type TenantCallStats = z.infer<typeof TenantCallStats>;

/** The whole platform's monitoring at a glance (staff): today, the last 30 days, the busiest tenants. */
export const PlatformStats = z
  .object({
    /** Tenants whose ElevenLabs integration is active. */
    activeTenants: z.int().min(0),
    agentsMonitored: z.int().min(0),
    today: CallTotals,
    last30Days: CallTotals.extend({ elevenLabsCostUsd: z.number().min(0) }),
    daily: z.array(DailyCallVolume),
    /** The tenants with the most calls in the last 30 days, most first (at most 10). */
    topTenants: z.array(TenantCallStats),
    generatedAt: z.string(),
  })
  .meta({ id: 'PlatformStats' });
export type PlatformStats = z.infer<typeof PlatformStats>;

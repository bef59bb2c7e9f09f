import { z } from 'zod';
import { EARLIEST_DAY, isUsableDay, MAX_YEARS_AHEAD } from './usage-day';
import { BOT_COUNTER_KINDS, USAGE_KINDS, type UsageKind } from './usage-kind';

/** Today, the last 7 days, this calendar month, or `from`..`to`. */
export const USAGE_RANGES = ['day', 'week', 'month', 'custom'] as const;
export type UsageRange = (typeof USAGE_RANGES)[number];

export const USAGE_GROUPINGS = ['day', 'bot', 'kind'] as const;
export type UsageGroupBy = (typeof USAGE_GROUPINGS)[number];

/**
 * A calendar day (YYYY-MM-DD) the database can hold and a range may cover (checked against the clock at request
 * time): usage ranges, call history and analytics filters.
 */
export const UsableDay = z.iso
  .date()
  .refine(
    (day) => isUsableDay(day, new Date()),
    `must lie between ${EARLIEST_DAY} and the end of the year ${MAX_YEARS_AHEAD} years from now`,
  );

export const UsageSummaryQuery = z.strictObject({
  range: z.enum(USAGE_RANGES).default('month'),
  from: UsableDay.optional(),
  to: UsableDay.optional(),
  groupBy: z.enum(USAGE_GROUPINGS).default('day'),
  tenantId: z.uuid().optional(),
  botId: z.uuid().optional(),
});
export type UsageSummaryQuery = z.infer<typeof UsageSummaryQuery>;

/** Counters a bot runtime reports; `reportId` makes each report idempotent. */
export const UsageReportBody = z.strictObject({
  callSid: z
    .string()
    .regex(/^CA[0-9a-f]{32}$/, 'a Twilio call sid')
    .optional(),
  reports: z
    .array(
      z.strictObject({
        reportId: z.string().min(1).max(100),
        kind: z.enum(BOT_COUNTER_KINDS),
        quantity: z.int().min(0).max(10_000_000),
      }),
    )
    .min(1)
    .max(100),
});
export type UsageReportBody = z.infer<typeof UsageReportBody>;

/** A report taken: counted into the running call's workflow, or stored directly (no call, or it has ended). */
export const UsageReportReceipt = z
  .object({ accepted: z.int().min(0), via: z.enum(['call', 'direct']) })
  .meta({ id: 'UsageReportReceipt' });
export type UsageReportReceipt = z.infer<typeof UsageReportReceipt>;

/** One number per usage kind, every kind present (zero when nothing was used). */
export const UsageTotals = z
  .object(Object.fromEntries(USAGE_KINDS.map((kind) => [kind, z.number().min(0)])) as Record<UsageKind, z.ZodNumber>)
  .meta({ id: 'UsageTotals' });
export type UsageTotals = z.infer<typeof UsageTotals>;

/** One group's totals; `key` is an ISO day, a bot id or a kind name (by groupBy), `label` is for people. */
export const UsageSeriesPoint = UsageTotals.extend({ key: z.string(), label: z.string() }).meta({
  id: 'UsageSeriesPoint',
});
export type UsageSeriesPoint = z.infer<typeof UsageSeriesPoint>;

export const UsageSummary = z
  .object({
    /** The inclusive UTC day range the summary covers. */
    range: z.object({ from: z.iso.date(), to: z.iso.date() }),
    groupBy: z.enum(USAGE_GROUPINGS),
    totals: UsageTotals,
    series: z.array(UsageSeriesPoint),
  })
  .meta({ id: 'UsageSummary' });
export type UsageSummary = z.infer<typeof UsageSummary>;

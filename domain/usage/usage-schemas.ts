import { z } from 'zod';
import { USAGE_KINDS } from '../../contracts/usage-kind';
import { EARLIEST_DAY, isUsableDay, MAX_YEARS_AHEAD } from './usage-range';

/** A calendar day the database can hold and a usage range may cover (checked against the clock at request time). */
const IsoDay = z.iso
  .date()
  .refine(
    (day) => isUsableDay(day, new Date()),
    `must lie between ${EARLIEST_DAY} and the end of the year ${MAX_YEARS_AHEAD} years from now`,
  );

export const UsageSummaryQuery = z.object({
  range: z.enum(['day', 'week', 'month', 'custom']).default('month'),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
  groupBy: z.enum(['day', 'bot', 'kind']).default('day'),
  tenantId: z.uuid().optional(),
  botId: z.uuid().optional(),
});
export type UsageSummaryQuery = z.infer<typeof UsageSummaryQuery>;

/** Counters a bot runtime reports; `reportId` makes each report idempotent. */
export const UsageReportBody = z.object({
  callSid: z
    .string()
    .regex(/^CA[0-9a-f]{32}$/, 'a Twilio call sid')
    .optional(),
  reports: z
    .array(
      z.object({
        reportId: z.string().min(1).max(100),
        kind: z.enum(
          USAGE_KINDS.filter((kind) => kind !== 'call_started' && kind !== 'minutes') as [
            'stt_requests',
            'tts_chars',
            'gpt_tokens',
          ],
        ),
        quantity: z.number().int().min(0).max(10_000_000),
      }),
    )
    .min(1)
    .max(100),
});
export type UsageReportBody = z.infer<typeof UsageReportBody>;

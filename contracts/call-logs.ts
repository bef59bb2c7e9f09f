import { z } from 'zod';
import { CALL_LOG_STATUSES } from './call-status';
import { CALL_DIRECTIONS, CALL_OUTCOMES } from './conversation';
import { UsableDay } from './usage';

/** The call history of monitored ElevenLabs agents: filters, list rows, one call with transcript and recording. */

/** A day of calls is at most this long; longer bounds are typing mistakes, not filters. */
const MAX_CALL_SECONDS = 7 * 86_400;
const Seconds = z.coerce.number().int().min(0).max(MAX_CALL_SECONDS);

/** Which calls: every filter is optional and they combine (AND). Days are inclusive UTC days. */
export const CallLogFilter = z.strictObject({
  agentId: z.uuid().optional(),
  from: UsableDay.optional(),
  to: UsableDay.optional(),
  status: z.enum(CALL_LOG_STATUSES).optional(),
  outcome: z.enum(CALL_OUTCOMES).optional(),
  minDuration: Seconds.optional(),
  maxDuration: Seconds.optional(),
  /** Words in the transcript (case-insensitive, taken literally: `%` and `_` are no wildcards). */
  q: z.string().trim().min(1).max(200).optional(),
  /** Platform staff name a tenant; customers see their own (another tenant's is not found). */
  tenantId: z.uuid().optional(),
});
export type CallLogFilter = z.infer<typeof CallLogFilter>;

export const CALL_LOG_PAGE_MAX = 100;

export const CallLogListQuery = CallLogFilter.extend({
  /** `nextCursor` of the page before; opaque. */
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(CALL_LOG_PAGE_MAX).default(25),
});
export type CallLogListQuery = z.infer<typeof CallLogListQuery>;

export const CallLogParams = z.strictObject({ id: z.uuid() });

/** One row of the history. */
export const CallLogView = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    agentId: z.uuid().nullable(),
    /** null when the agent was removed since. */
    agentName: z.string().nullable(),
    /** ElevenLabs' conversation id. */
    conversationId: z.string(),
    status: z.enum(CALL_LOG_STATUSES),
    outcome: z.enum(CALL_OUTCOMES).nullable(),
    direction: z.enum(CALL_DIRECTIONS).nullable(),
    title: z.string().nullable(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    durationSeconds: z.int().nullable(),
    /** ElevenLabs' price of the call in USD, when it reported one. */
    costUsd: z.number().nullable(),
    language: z.string().nullable(),
    fromNumber: z.string().nullable(),
    toNumber: z.string().nullable(),
    hasAudio: z.boolean(),
  })
  .meta({ id: 'CallLogView' });
export type CallLogView = z.infer<typeof CallLogView>;

/** A page of the history, newest first; `nextCursor` is null on the last page. */
export const CallLogPage = z
  .object({ items: z.array(CallLogView), nextCursor: z.string().nullable() })
  .meta({ id: 'CallLogPage' });
export type CallLogPage = z.infer<typeof CallLogPage>;

export const TRANSCRIPT_SPEAKERS = ['agent', 'user'] as const;

/** One turn of the conversation; `atSeconds` counts from the start of the call. */
export const TranscriptTurnView = z
  .object({
    speaker: z.enum(TRANSCRIPT_SPEAKERS),
    text: z.string(),
    atSeconds: z.number().min(0),
    interrupted: z.boolean(),
  })
  .meta({ id: 'TranscriptTurnView' });
export type TranscriptTurnView = z.infer<typeof TranscriptTurnView>;

/** ElevenLabs' analysis: each evaluation criterion's verdict and each data collection item's value. */
export const CallAnalysisView = z
  .object({
    evaluations: z.array(z.object({ id: z.string(), result: z.enum(CALL_OUTCOMES), rationale: z.string() })),
    collected: z.array(z.object({ id: z.string(), value: z.unknown(), rationale: z.string() })),
  })
  .meta({ id: 'CallAnalysisView' });
export type CallAnalysisView = z.infer<typeof CallAnalysisView>;

export const CallLogDetail = CallLogView.extend({
  summary: z.string().nullable(),
  transcript: z.array(TranscriptTurnView),
  analysis: CallAnalysisView.nullable(),
  cost: z.object({ credits: z.int().nullable(), usd: z.number().nullable(), llmUsd: z.number().nullable() }),
  terminationReason: z.string().nullable(),
  failureReason: z.string().nullable(),
  /** The tenant had call logs anonymised when this one was written (numbers stripped, transcript masked). */
  anonymized: z.boolean(),
  /** Where the recording streams from (HTTP Range supported); null when there is none. */
  audioUrl: z.string().nullable(),
}).meta({ id: 'CallLogDetail' });
export type CallLogDetail = z.infer<typeof CallLogDetail>;

/** The recording's URL, relative to the API's origin (the web app proxies /api). */
export const callAudioPath = (callLogId: string): string => `/api/call-logs/${callLogId}/audio`;

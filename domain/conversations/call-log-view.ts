import type { z } from 'zod';
import {
  callAudioPath,
  CallAnalysisView,
  TranscriptTurnView,
  type CallLogDetail,
  type CallLogView,
} from '../../contracts/call-logs';
import type { CallLogDetailRow, CallLogRow } from './call-log-rows';

const decimal = (value: string | null): number | null => (value === null ? null : Number(value));

export const toCallLogView = (row: CallLogRow): CallLogView => ({
  id: row.id,
  tenantId: row.tenant_id,
  agentId: row.agent_id,
  agentName: row.agent_name,
  conversationId: row.external_call_id,
  status: row.status,
  outcome: row.outcome,
  direction: row.direction,
  title: row.title,
  startedAt: new Date(row.started_at).toISOString(),
  endedAt: row.ended_at === null ? null : new Date(row.ended_at).toISOString(),
  durationSeconds: row.duration_seconds,
  costUsd: decimal(row.cost_usd),
  language: row.language,
  fromNumber: row.from_number,
  toNumber: row.to_number,
  hasAudio: row.audio_key !== null,
});

export const toCallLogDetail = (row: CallLogDetailRow): CallLogDetail => ({
  ...toCallLogView(row),
  summary: row.summary,
  transcript: transcriptOf(row.transcript),
  analysis: analysisOf(row.analysis),
  cost: { credits: row.cost_credits, usd: decimal(row.cost_usd), llmUsd: decimal(row.llm_cost_usd) },
  terminationReason: row.termination_reason,
  failureReason: row.failure_reason,
  anonymized: row.anonymized,
  audioUrl: row.audio_key === null ? null : callAudioPath(row.id),
});

/** The items of a stored JSON list that have the shape; the rest are left out rather than failing the page. */
const validItems = <T>(list: unknown, schema: z.ZodType<T>): T[] =>
  Array.isArray(list)
    ? list.flatMap((item) => {
        const parsed = schema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      })
    : [];

/** The stored transcript's turns (JSON another process writes) in call order. */
const transcriptOf = (stored: unknown): TranscriptTurnView[] =>
  validItems(stored, TranscriptTurnView).sort((a, b) => a.atSeconds - b.atSeconds);

function analysisOf(stored: unknown): CallAnalysisView | null {
  if (stored === null || typeof stored !== 'object') return null;
  const { evaluations, collected } = stored as { evaluations?: unknown; collected?: unknown };
  return {
    evaluations: validItems(evaluations, CallAnalysisView.shape.evaluations.element),
    collected: validItems(collected, CallAnalysisView.shape.collected.element),
  };
}

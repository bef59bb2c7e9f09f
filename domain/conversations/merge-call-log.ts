import type { CallAnalysisView, TranscriptTurnView } from '../../contracts/call-logs';
import type { CallLogStatus } from '../../contracts/call-status';
import type { CallDirection, CallOutcome } from '../../contracts/conversation';
import { maskSpokenParts } from './anonymise';
import type { ConversationFacts, InitiationFailure } from './conversation-event';
import { rankOfStatus } from './conversation-status';

/** What a conversation's call log holds, as the upsert reads and writes it. */
export interface CallLogFields {
  status: CallLogStatus;
  startedAt: Date;
  endedAt: Date | null;
  durationSeconds: number | null;
  transcript: TranscriptTurnView[] | null;
  transcriptText: string | null;
  audioKey: string | null;
  outcome: CallOutcome | null;
  direction: CallDirection | null;
  title: string | null;
  summary: string | null;
  analysis: CallAnalysisView | null;
  terminationReason: string | null;
  failureReason: string | null;
  language: string | null;
  costCredits: number | null;
  costUsd: number | null;
  llmCostUsd: number | null;
  fromNumber: string | null;
  toNumber: string | null;
  anonymized: boolean;
}

/** Everything learned about a conversation so far, in one write. */
export interface ConversationRecord {
  facts: ConversationFacts | null;
  failure: InitiationFailure | null;
  audioKey: string | null;
}

type Patch = { [K in keyof CallLogFields]?: CallLogFields[K] | null };

function patchOf({ facts, failure, audioKey }: ConversationRecord): Patch {
  const patch: Patch = { audioKey };
  if (facts) {
    Object.assign(patch, {
      status: facts.status,
      startedAt: new Date(facts.startedAt),
      durationSeconds: facts.durationSeconds,
      transcript: facts.transcript.length > 0 ? facts.transcript : null,
      outcome: facts.outcome,
      direction: facts.direction,
      title: facts.title,
      summary: facts.summary,
      analysis: facts.analysis,
      terminationReason: facts.terminationReason,
      failureReason: facts.failureReason,
      language: facts.language,
      costCredits: facts.cost.credits,
      costUsd: facts.cost.usd,
      llmCostUsd: facts.cost.llmUsd,
      fromNumber: facts.fromNumber,
      toNumber: facts.toNumber,
    } satisfies Patch);
  }
  if (failure) {
    // The initiation failure names why (busy, no-answer); the details only say `failed`.
    patch.status = failure.status;
    patch.failureReason = failure.reason;
  }
  return patch;
}

/** The first row of a conversation: what is known now, the rest null until a later write brings it. */
export function newCallLog(record: ConversationRecord): CallLogFields {
  const startedAt = record.facts?.startedAt ?? record.failure?.at;
  const status = record.failure?.status ?? record.facts?.status;
  if (!startedAt || !status) throw new Error('A call log needs the conversation’s details or its failure');
  return {
    status,
    startedAt: new Date(startedAt),
    endedAt: null,
    durationSeconds: null,
    transcript: null,
    transcriptText: null,
    audioKey: null,
    outcome: null,
    direction: null,
    title: null,
    summary: null,
    analysis: null,
    terminationReason: null,
    failureReason: null,
    language: null,
    costCredits: null,
    costUsd: null,
    llmCostUsd: null,
    fromNumber: null,
    toNumber: null,
    anonymized: false,
  };
}

/**
 * Merges a record into a stored call log. A field the record does not know (null, an empty transcript) never
 * replaces a known one, and the status never moves back (conversation-status.ts ranks them), so webhooks, fetched
 * details and late runs may write in any order and as often as they like. With `anonymise` the result has no
 * numbers and its spoken parts masked, stored ones included (masking is idempotent).
 */
export function mergeCallLog(existing: CallLogFields, record: ConversationRecord, anonymise: boolean): CallLogFields {
  const patch = patchOf(record);
  const merged: CallLogFields = { ...existing };
  for (const [key, value] of Object.entries(patch) as [keyof CallLogFields, unknown][]) {
    if (key !== 'status' && value !== null && value !== undefined) Object.assign(merged, { [key]: value });
  }
  if (patch.status && rankOfStatus(patch.status) >= rankOfStatus(existing.status)) merged.status = patch.status;
  if (merged.durationSeconds !== null) {
    merged.endedAt = new Date(merged.startedAt.getTime() + merged.durationSeconds * 1000);
  }
  if (record.facts) merged.anonymized = false;
  if (anonymise) {
    Object.assign(merged, maskSpokenParts({ ...merged, transcript: merged.transcript ?? [] }), {
      fromNumber: null,
      toNumber: null,
      anonymized: true,
    });
    if (merged.transcript?.length === 0) merged.transcript = null;
  }
  merged.transcriptText = merged.transcript?.map((turn) => `${turn.speaker}: ${turn.text}`).join('\n') ?? null;
  return merged;
}

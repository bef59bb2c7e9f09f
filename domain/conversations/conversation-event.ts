import type { CallAnalysisView, TranscriptTurnView } from '../../contracts/call-logs';
import type { CallLogStatus } from '../../contracts/call-status';
import type { CallDirection, CallOutcome } from '../../contracts/conversation';

/**
 * What ElevenLabs reported about one conversation, in the call log's terms. Plain JSON (times as ISO strings):
 * it travels through the inbox's jsonb and Temporal's payloads. The transcript and analysis are stored as they
 * are here, in the shapes the call history reads (contracts/call-logs.ts).
 */
export interface ConversationFacts {
  /** ElevenLabs' agent id (`agent_…`). */
  agentId: string;
  status: CallLogStatus;
  /** false while ElevenLabs still runs or analyses the call: a later look may know more. */
  finished: boolean;
  startedAt: string;
  durationSeconds: number | null;
  direction: CallDirection | null;
  outcome: CallOutcome | null;
  title: string | null;
  summary: string | null;
  analysis: CallAnalysisView | null;
  terminationReason: string | null;
  failureReason: string | null;
  language: string | null;
  cost: { credits: number | null; usd: number | null; llmUsd: number | null };
  transcript: TranscriptTurnView[];
  /** Caller and callee as dialled; personal data (anonymise.ts strips them). */
  fromNumber: string | null;
  toNumber: string | null;
  hasAudio: boolean;
}

/** A call that never connected (`call_initiation_failure`). */
export interface InitiationFailure {
  status: Extract<CallLogStatus, 'busy' | 'no-answer' | 'failed'>;
  reason: string;
  at: string;
}

/** One thing learned about a conversation; its workflow merges them in whatever order they come. */
export type ConversationEvent =
  | { type: 'transcription'; facts: ConversationFacts }
  | { type: 'audio'; audioKey: string }
  | { type: 'initiation_failure'; failure: InitiationFailure }
  /** The periodic sync found the conversation finished: fetch whatever is missing now. */
  | { type: 'discovered' };

/** Who a conversation belongs to, fixed when its workflow starts: the tenant and its registered agent's row. */
export interface ConversationStart {
  tenantId: string;
  conversationId: string;
  agentId: string;
}

export const conversationWorkflowId = (conversationId: string): string => `conversation-${conversationId}`;

// A tenant's ElevenLabs account, read with the tenant's own key, in the platform's own terms: no SDK type crosses
// this line (the SDK stays in `elevenlabs-*.ts` beside it). Times are Dates, durations seconds, costs as given.

export type ConversationStatus = 'initiated' | 'in-progress' | 'processing' | 'done' | 'failed';
/** ElevenLabs' success evaluation of a call (`call_successful`). */
export type CallOutcome = 'success' | 'failure' | 'unknown';

export interface ElevenLabsAccount {
  userId: string;
  name: string | null;
  /** free, starter, creator, pro, scale, business, … */
  tier: string;
  subscriptionStatus: string;
  creditsUsed: number;
  creditLimit: number;
  creditsResetAt: Date | null;
}

/** A key works when the platform can read agents and conversations with it; the account itself is optional. */
export type KeyCheck =
  | {
      status: 'active';
      /** null when the key may not read the account (no `user_read`). */
      account: ElevenLabsAccount | null;
      /** What the key cannot do that the platform can do without, in words for the integrations page. */
      limitations: string[];
    }
  | {
      status: 'rejected';
      reason: 'invalid_key' | 'missing_permission';
      /** The scope the key lacks, for `missing_permission`. */
      permission: string | null;
      message: string;
    };

export interface MonitoredAgent {
  id: string;
  name: string;
  language: string | null;
  voiceId: string | null;
  firstMessage: string | null;
  tags: string[];
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface ConversationSummary {
  id: string;
  agentId: string;
  agentName: string | null;
  status: ConversationStatus;
  startedAt: Date;
  durationSeconds: number;
  messageCount: number;
  outcome: CallOutcome;
  terminationReason: string | null;
  title: string | null;
  summary: string | null;
  direction: 'inbound' | 'outbound' | null;
}

export interface TranscriptTurn {
  speaker: 'agent' | 'user';
  text: string;
  /** Seconds since the call started. */
  atSeconds: number;
  interrupted: boolean;
}

export interface ConversationAnalysis {
  outcome: CallOutcome;
  summary: string;
  title: string | null;
  evaluations: Array<{ id: string; result: CallOutcome; rationale: string }>;
  collected: Array<{ id: string; value: unknown; rationale: string }>;
}

export interface ConversationDetail extends Omit<ConversationSummary, 'messageCount' | 'title' | 'summary'> {
  transcript: TranscriptTurn[];
  analysis: ConversationAnalysis | null;
  /** ElevenLabs' credits, its price in USD when it reports one, and the LLM's share of that price. */
  cost: { credits: number | null; usd: number | null; llmUsd: number | null };
  language: string | null;
  /** The phone leg; `callerNumber` is the other party's number (personal data). */
  phoneCall: { agentNumber: string; callerNumber: string; callSid: string } | null;
  /** Why the call never connected, for failed ones. */
  failure: { code: number; reason: string | null } | null;
  hasAudio: boolean;
}

export interface ConversationPage {
  conversations: ConversationSummary[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
  hasMore: boolean;
}

export interface ConversationQuery {
  agentId?: string;
  cursor?: string;
  /** 1–100; ElevenLabs' default is 30. */
  pageSize?: number;
  /** Conversations that started at or after this time. */
  after?: Date;
  /** Conversations that started before this time. */
  before?: Date;
  order?: 'newest_first' | 'oldest_first';
}

/**
 * What monitoring needs of a tenant's ElevenLabs account. Look-ups answer null for what does not exist (or
 * belongs to another account, which ElevenLabs does not tell apart); failures are `ProviderError`s.
 */
export interface ElevenLabsMonitoring {
  checkKey(): Promise<KeyCheck>;
  getAgent(agentId: string): Promise<MonitoredAgent | null>;
  listConversations(query?: ConversationQuery): Promise<ConversationPage>;
  getConversation(conversationId: string): Promise<ConversationDetail | null>;
  /** The recording as MP3 bytes; null when the conversation or its audio does not exist. */
  getConversationAudio(conversationId: string): Promise<Uint8Array | null>;
}

export { createElevenLabsMonitoring } from './elevenlabs-monitoring-sdk';

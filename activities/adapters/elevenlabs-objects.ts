import type { ElevenLabs } from '@elevenlabs/elevenlabs-js';
import type {
  CallOutcome,
  ConversationAnalysis,
  ConversationDetail,
  ConversationStatus,
  ConversationSummary,
  ElevenLabsAccount,
  MonitoredAgent,
} from './elevenlabs-monitoring';

// SDK objects into the platform's terms. The SDK lets unknown enum values through, so each is narrowed here.

const STATUSES: readonly ConversationStatus[] = ['initiated', 'in-progress', 'processing', 'done', 'failed'];
const status = (value: string): ConversationStatus =>
  (STATUSES as readonly string[]).includes(value) ? (value as ConversationStatus) : 'processing';
const outcome = (value: string | undefined): CallOutcome =>
  value === 'success' || value === 'failure' ? value : 'unknown';
const direction = (value: string | undefined) => (value === 'inbound' || value === 'outbound' ? value : null);
const fromUnix = (seconds: number | undefined) => (seconds === undefined ? null : new Date(seconds * 1000));

export function toAccount(user: ElevenLabs.User, subscription: ElevenLabs.Subscription): ElevenLabsAccount {
  return {
    userId: user.userId,
    name: user.firstName ?? null,
    tier: subscription.tier,
    subscriptionStatus: subscription.status,
    creditsUsed: subscription.characterCount,
    creditLimit: subscription.characterLimit,
    creditsResetAt: fromUnix(subscription.nextCharacterCountResetUnix),
  };
}

export function toAgent(agent: ElevenLabs.GetAgentResponseModel): MonitoredAgent {
  const config = agent.conversationConfig;
  return {
    id: agent.agentId,
    name: agent.name,
    language: config.agent?.language ?? null,
    voiceId: config.tts?.voiceId ?? null,
    firstMessage: config.agent?.firstMessage ?? null,
    tags: agent.tags ?? [],
    createdAt: fromUnix(agent.metadata.createdAtUnixSecs),
    updatedAt: fromUnix(agent.metadata.updatedAtUnixSecs),
  };
}

export function toConversationSummary(conversation: ElevenLabs.ConversationSummaryResponseModel): ConversationSummary {
  return {
    id: conversation.conversationId,
    agentId: conversation.agentId,
    agentName: conversation.agentName ?? null,
    status: status(conversation.status),
    startedAt: new Date(conversation.startTimeUnixSecs * 1000),
    durationSeconds: conversation.callDurationSecs,
    messageCount: conversation.messageCount,
    outcome: outcome(conversation.callSuccessful),
    terminationReason: conversation.terminationReason || null,
    title: conversation.callSummaryTitle ?? null,
    summary: conversation.transcriptSummary ?? null,
    direction: direction(conversation.direction),
  };
}

function toAnalysis(analysis: ElevenLabs.ConversationHistoryAnalysisCommonModel): ConversationAnalysis {
  return {
    outcome: outcome(analysis.callSuccessful),
    summary: analysis.transcriptSummary,
    title: analysis.callSummaryTitle ?? null,
    evaluations: Object.values(analysis.evaluationCriteriaResults ?? {}).map((result) => ({
      id: result.criteriaId,
      result: outcome(result.result),
      rationale: result.rationale,
    })),
    collected: Object.values(analysis.dataCollectionResults ?? {}).map((result) => ({
      id: result.dataCollectionId,
      value: result.value ?? null,
      rationale: result.rationale,
    })),
  };
}

export function toConversationDetail(conversation: ElevenLabs.GetConversationResponseModel): ConversationDetail {
  const { metadata } = conversation;
  const phoneCall = metadata.phoneCall;
  return {
    id: conversation.conversationId,
    agentId: conversation.agentId,
    agentName: conversation.agentName ?? null,
    status: status(conversation.status),
    startedAt: new Date(metadata.startTimeUnixSecs * 1000),
    durationSeconds: metadata.callDurationSecs,
    outcome: outcome(conversation.analysis?.callSuccessful),
    terminationReason: metadata.terminationReason || null,
    direction: direction(phoneCall?.direction),
    transcript: conversation.transcript.map((turn) => ({
      speaker: turn.role === 'agent' ? 'agent' : 'user',
      text: turn.message ?? '',
      atSeconds: turn.timeInCallSecs,
      interrupted: turn.interrupted ?? false,
    })),
    analysis: conversation.analysis ? toAnalysis(conversation.analysis) : null,
    cost: {
      credits: metadata.cost ?? null,
      usd: metadata.costFiat ?? null,
      llmUsd: metadata.charging?.llmPrice ?? null,
    },
    language: metadata.mainLanguage ?? null,
    phoneCall: phoneCall
      ? { agentNumber: phoneCall.agentNumber, callerNumber: phoneCall.externalNumber, callSid: phoneCall.callSid }
      : null,
    failure: metadata.error ? { code: metadata.error.code, reason: metadata.error.reason ?? null } : null,
    hasAudio: conversation.hasAudio,
  };
}

import type { ElevenLabs } from '@elevenlabs/elevenlabs-js';
import { toAccount, toAgent, toConversationDetail, toConversationSummary } from './elevenlabs-objects';

// Provider objects carrying only what ElevenLabs must send: every optional field absent, enums it may extend.
const user = (fields: Partial<ElevenLabs.User> = {}) => ({ userId: 'user_1', ...fields }) as ElevenLabs.User;
const subscription = (fields: Partial<ElevenLabs.Subscription> = {}) =>
  ({
    tier: 'free',
    status: 'trialing',
    characterCount: 120,
    characterLimit: 10_000,
    ...fields,
  }) as ElevenLabs.Subscription;

const bareAgent = {
  agentId: 'agent_1',
  name: 'Front desk',
  conversationConfig: {},
  metadata: { createdAtUnixSecs: 1_700_000_000, updatedAtUnixSecs: 1_700_000_060 },
} as ElevenLabs.GetAgentResponseModel;

const summary = (fields: Partial<ElevenLabs.ConversationSummaryResponseModel> = {}) =>
  ({
    agentId: 'agent_1',
    conversationId: 'conv_1',
    startTimeUnixSecs: 1_700_000_000,
    callDurationSecs: 42,
    messageCount: 6,
    status: 'done',
    callSuccessful: 'success',
    ...fields,
  }) as ElevenLabs.ConversationSummaryResponseModel;

const detail = (
  fields: Partial<ElevenLabs.GetConversationResponseModel> = {},
  metadata: Partial<ElevenLabs.ConversationHistoryMetadataCommonModel> = {},
) =>
  ({
    agentId: 'agent_1',
    conversationId: 'conv_1',
    status: 'done',
    hasAudio: false,
    hasUserAudio: false,
    hasResponseAudio: false,
    hasAuxiliaryAudio: false,
    transcript: [],
    ...fields,
    metadata: { startTimeUnixSecs: 1_700_000_000, callDurationSecs: 0, ...metadata },
  }) as ElevenLabs.GetConversationResponseModel;

describe('ElevenLabs SDK objects in the platform’s terms', () => {
  it('reads an account without a first name or a credit reset date as nulls', () => {
    expect(toAccount(user(), subscription())).toEqual({
      userId: 'user_1',
      name: null,
      tier: 'free',
      subscriptionStatus: 'trialing',
      creditsUsed: 120,
      creditLimit: 10_000,
      creditsResetAt: null,
    });
    expect(
      toAccount(user({ firstName: 'Ada' }), subscription({ nextCharacterCountResetUnix: 1_700_000_000 })),
    ).toMatchObject({ name: 'Ada', creditsResetAt: new Date('2023-11-14T22:13:20Z') });
  });

  it('reads an agent whose configuration names no language, voice, first message or tags', () => {
    expect(toAgent(bareAgent)).toEqual({
      id: 'agent_1',
      name: 'Front desk',
      language: null,
      voiceId: null,
      firstMessage: null,
      tags: [],
      createdAt: new Date(1_700_000_000_000),
      updatedAt: new Date(1_700_000_060_000),
    });
  });

  it('lists a conversation with an unknown status as still processing, and unknown enum values as unknown', () => {
    expect(
      toConversationSummary(
        summary({
          status: 'queued' as ElevenLabs.ConversationSummaryResponseModelStatus,
          callSuccessful: 'partial' as ElevenLabs.EvaluationSuccessResult,
          direction: 'sideways' as ElevenLabs.TelephonyDirection,
        }),
      ),
    ).toMatchObject({ status: 'processing', outcome: 'unknown', direction: null });
  });

  it('lists a conversation without agent name, title, summary or direction, and an empty termination reason, as nulls', () => {
    expect(toConversationSummary(summary({ terminationReason: '' }))).toEqual({
      id: 'conv_1',
      agentId: 'agent_1',
      agentName: null,
      status: 'done',
      startedAt: new Date(1_700_000_000_000),
      durationSeconds: 42,
      messageCount: 6,
      outcome: 'success',
      terminationReason: null,
      title: null,
      summary: null,
      direction: null,
    });
  });

  it('reads a bare conversation (no analysis, cost, language, phone leg or error) with nulls, not zeros', () => {
    expect(toConversationDetail(detail())).toEqual({
      id: 'conv_1',
      agentId: 'agent_1',
      agentName: null,
      status: 'done',
      startedAt: new Date(1_700_000_000_000),
      durationSeconds: 0,
      outcome: 'unknown',
      terminationReason: null,
      direction: null,
      transcript: [],
      analysis: null,
      cost: { credits: null, usd: null, llmUsd: null },
      language: null,
      phoneCall: null,
      failure: null,
      hasAudio: false,
    });
  });

  it('reads a turn without text or interruption flag as an empty, uninterrupted user turn', () => {
    const conversation = detail({
      transcript: [
        { role: 'user', timeInCallSecs: 3 },
        { role: 'agent', message: 'Hello', timeInCallSecs: 0, interrupted: true },
      ] as ElevenLabs.ConversationHistoryTranscriptResponseModel[],
    });
    expect(toConversationDetail(conversation).transcript).toEqual([
      { speaker: 'user', text: '', atSeconds: 3, interrupted: false },
      { speaker: 'agent', text: 'Hello', atSeconds: 0, interrupted: true },
    ]);
  });

  it('reads an analysis without title, criteria or collected data, and a collected field without a value', () => {
    const { analysis } = toConversationDetail(
      detail({ analysis: { callSuccessful: 'failure', transcriptSummary: 'Caller hung up.' } }),
    );
    expect(analysis).toEqual({
      outcome: 'failure',
      summary: 'Caller hung up.',
      title: null,
      evaluations: [],
      collected: [],
    });

    const withResults = toConversationDetail(
      detail({
        analysis: {
          callSuccessful: 'success',
          transcriptSummary: 'Booked.',
          evaluationCriteriaResults: {
            booked: { criteriaId: 'booked', result: 'unknown', rationale: 'Unclear' },
          },
          dataCollectionResults: {
            caller_name: { dataCollectionId: 'caller_name', rationale: 'Not said' },
          },
        } as ElevenLabs.ConversationHistoryAnalysisCommonModel,
      }),
    );
    expect(withResults.analysis).toMatchObject({
      evaluations: [{ id: 'booked', result: 'unknown', rationale: 'Unclear' }],
      collected: [{ id: 'caller_name', value: null, rationale: 'Not said' }],
    });
  });

  it('reads a failed call with an error code but no reason, and a phone leg, without inventing a reason', () => {
    const failed = toConversationDetail(
      detail(
        { status: 'failed' },
        {
          error: { code: 1002 },
          terminationReason: '',
          phoneCall: {
            type: 'twilio',
            direction: 'outbound',
            phoneNumberId: 'pn_1',
            agentNumber: '+14155550100',
            externalNumber: '+436641234567',
            callSid: 'CA123',
          } as ElevenLabs.ConversationHistoryMetadataCommonModelPhoneCall,
        },
      ),
    );
    expect(failed).toMatchObject({
      status: 'failed',
      terminationReason: null,
      direction: 'outbound',
      phoneCall: { agentNumber: '+14155550100', callerNumber: '+436641234567', callSid: 'CA123' },
      failure: { code: 1002, reason: null },
    });
  });
});

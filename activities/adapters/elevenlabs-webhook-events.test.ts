import { useElevenLabsSimulator } from '../../sim/elevenlabs/test-simulator';
import { startElevenLabsReceiver } from '../../sim/elevenlabs/webhook-receiver';
import { createElevenLabsMonitoring } from './elevenlabs-monitoring';
import { verifyElevenLabsSignature } from './elevenlabs-signature';
import { InvalidPostCallEventError, readPostCallEvent, type PostCallEvent } from './elevenlabs-webhook-events';

const sim = useElevenLabsSimulator();
let receiver: Awaited<ReturnType<typeof startElevenLabsReceiver>>;
beforeAll(async () => {
  receiver = await startElevenLabsReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => receiver.clear());

describe('ElevenLabs post-call webhooks', () => {
  it('verifies the simulator’s signed webhooks and reads each kind into the platform’s terms', async () => {
    const { apiKey, agentId, webhook } = await sim.workspace({ webhookUrl: receiver.url });
    const played = await sim.elevenlabs.playConversations({ agentId, count: 6, initiationFailureRate: 0.4, seed: 4 });
    const monitoring = createElevenLabsMonitoring({ apiKey, baseUrl: sim.baseUrl, timeoutMs: 30_000 });

    const events: PostCallEvent[] = receiver.received.map(({ body, signature }) => {
      expect(verifyElevenLabsSignature(body, signature, webhook!.secret, new Date(), 60)).toMatchObject({
        valid: true,
      });
      return readPostCallEvent(body);
    });
    const byType = (type: PostCallEvent['type']) => events.filter((event) => event.type === type);
    const answered = played.conversations.filter((c) => c.status === 'done');
    expect(byType('post_call_transcription')).toHaveLength(answered.length);
    expect(byType('post_call_audio')).toHaveLength(answered.length);
    expect(byType('call_initiation_failure')).toHaveLength(played.conversations.length - answered.length);

    const transcription = byType('post_call_transcription')[0] as Extract<
      PostCallEvent,
      { type: 'post_call_transcription' }
    >;
    // The webhook and the API describe a conversation identically, so either path writes the same call log.
    expect(transcription.conversation).toEqual(await monitoring.getConversation(transcription.conversation.id));
    expect(transcription.eventAt).toEqual(
      new Date(transcription.conversation.startedAt.getTime() + transcription.conversation.durationSeconds * 1000),
    );

    const audio = byType('post_call_audio')[0] as Extract<PostCallEvent, { type: 'post_call_audio' }>;
    expect(audio.agentId).toBe(agentId);
    const recording = await monitoring.getConversationAudio(audio.conversationId);
    expect(Buffer.from(audio.audio).equals(Buffer.from(recording!))).toBe(true);

    expect(byType('call_initiation_failure')[0]).toEqual({
      type: 'call_initiation_failure',
      eventAt: expect.any(Date),
      conversationId: expect.stringMatching(/^conv_/),
      agentId,
      reason: expect.stringMatching(/^(busy|no-answer|unknown)$/),
      telephony: 'twilio',
      sipStatusCode: expect.any(Number),
    });
  });

  it('refuses bodies it cannot read, and passes over event types it does not handle', () => {
    const invalid = [
      'not json',
      '{"event_timestamp":1}',
      '{"type":"post_call_audio","event_timestamp":1,"data":{"agent_id":"agent_1"}}',
      '{"type":"post_call_transcription","event_timestamp":1,"data":{"agent_id":"agent_1"}}',
      '{"type":"post_call_transcription","data":{}}',
    ];
    for (const body of invalid) expect(() => readPostCallEvent(body)).toThrow(InvalidPostCallEventError);
    expect(readPostCallEvent('{"type":"voice_removal_notice","event_timestamp":1,"data":{}}')).toEqual({
      type: 'other',
      eventType: 'voice_removal_notice',
    });
  });
});

describe('ElevenLabs post-call webhooks: partial bodies', () => {
  const event = (type: string, data?: Record<string, unknown>) =>
    JSON.stringify({ type, event_timestamp: 1_700_000_000, ...(data ? { data } : {}) });

  it('refuses an audio or initiation failure event without data, naming the missing field', () => {
    expect(() => readPostCallEvent(event('post_call_audio'))).toThrow('data.conversation_id is missing');
    expect(() => readPostCallEvent(event('call_initiation_failure'))).toThrow('data.conversation_id is missing');
    expect(() => readPostCallEvent(event('call_initiation_failure', { conversation_id: 'conv_1' }))).toThrow(
      'data.agent_id is missing',
    );
  });

  it('reads an initiation failure without reason or telephony metadata as an unknown failure', () => {
    expect(
      readPostCallEvent(event('call_initiation_failure', { conversation_id: 'conv_1', agent_id: 'agent_1' })),
    ).toEqual({
      type: 'call_initiation_failure',
      eventAt: new Date(1_700_000_000_000),
      conversationId: 'conv_1',
      agentId: 'agent_1',
      reason: 'unknown',
      telephony: null,
      sipStatusCode: null,
    });
  });

  it('reads a SIP leg’s status code given as a string, and drops one that is not a whole number', () => {
    const failure = (body: Record<string, unknown>) =>
      readPostCallEvent(
        event('call_initiation_failure', {
          conversation_id: 'conv_1',
          agent_id: 'agent_1',
          failure_reason: 'busy',
          metadata: { type: 'sip', body },
        }),
      );
    expect(failure({ sip_status_code: '486' })).toMatchObject({ reason: 'busy', telephony: 'sip', sipStatusCode: 486 });
    expect(failure({ SipResponseCode: 480 })).toMatchObject({ sipStatusCode: 480 });
    expect(failure({ sip_status_code: 'Busy Here' })).toMatchObject({ sipStatusCode: null });
    expect(failure({ sip_status_code: null })).toMatchObject({ sipStatusCode: null });
  });
});

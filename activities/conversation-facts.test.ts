import type { ConversationDetail } from './adapters/elevenlabs-monitoring';
import { toConversationFacts } from './conversation-facts';

const detail = (fields: Partial<ConversationDetail> = {}): ConversationDetail => ({
  id: 'conv_1',
  agentId: 'agent_1',
  agentName: 'Front desk',
  status: 'done',
  startedAt: new Date('2026-11-02T09:00:00Z'),
  durationSeconds: 61,
  outcome: 'success',
  terminationReason: 'Call ended by remote party',
  direction: 'inbound',
  transcript: [],
  analysis: null,
  cost: { credits: 120, usd: 0.12, llmUsd: 0.02 },
  language: 'en',
  phoneCall: { agentNumber: '+14155550100', callerNumber: '+436641234567', callSid: 'CA1' },
  failure: null,
  hasAudio: true,
  ...fields,
});

describe('toConversationFacts', () => {
  it('records the numbers of an inbound call as caller → agent, and of an outbound one as agent → caller', () => {
    expect(toConversationFacts(detail())).toMatchObject({ fromNumber: '+436641234567', toNumber: '+14155550100' });
    expect(toConversationFacts(detail({ direction: 'outbound' }))).toMatchObject({
      fromNumber: '+14155550100',
      toNumber: '+436641234567',
    });
  });

  it('records blank phone numbers (a withheld caller) as unknown, not as empty strings', () => {
    const withheld = detail({ phoneCall: { agentNumber: '', callerNumber: '', callSid: 'CA1' } });
    expect(toConversationFacts(withheld)).toMatchObject({ fromNumber: null, toNumber: null });
    expect(toConversationFacts(detail({ phoneCall: null, direction: null }))).toMatchObject({
      fromNumber: null,
      toNumber: null,
      direction: null,
    });
  });

  it('records a failed call by its reason, and one without a reason as a plain failure naming the error code', () => {
    const failed = (failure: ConversationDetail['failure']) =>
      toConversationFacts(detail({ status: 'failed', durationSeconds: 0, hasAudio: false, failure }));
    expect(failed({ code: 486, reason: 'busy' })).toMatchObject({
      status: 'busy',
      finished: true,
      failureReason: 'busy',
    });
    expect(failed({ code: 1002, reason: null })).toMatchObject({
      status: 'failed',
      failureReason: 'error 1002',
    });
    expect(failed(null)).toMatchObject({ status: 'failed', failureReason: null });
  });

  it('leaves title and summary empty when the analysis has none, and outcome unset without an analysis', () => {
    const analysed = toConversationFacts(
      detail({ analysis: { outcome: 'failure', summary: '', title: null, evaluations: [], collected: [] } }),
    );
    expect(analysed).toMatchObject({
      outcome: 'failure',
      title: null,
      summary: null,
      analysis: { evaluations: [], collected: [] },
    });
    expect(toConversationFacts(detail({ status: 'processing' }))).toMatchObject({
      status: 'in-progress',
      finished: false,
      outcome: null,
      analysis: null,
    });
  });
});

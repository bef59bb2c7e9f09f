import { createHmac } from 'node:crypto';
import { startElevenLabsReceiver, type ReceivedElevenLabsWebhook } from './webhook-receiver';
import { useElevenLabsSimulator } from './test-simulator';

const sim = useElevenLabsSimulator();
let receiver: Awaited<ReturnType<typeof startElevenLabsReceiver>>;
beforeAll(async () => {
  receiver = await startElevenLabsReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => receiver.clear());

/** Recomputes the signature from the raw body, independently of the simulator's signer. */
function signatureHolds({ body, signature }: ReceivedElevenLabsWebhook, secret: string) {
  const [, timestamp, digest] = /^t=(\d+),v0=([0-9a-f]{64})$/.exec(signature) ?? [];
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return digest === expected && Math.abs(Number(timestamp) - Date.now() / 1000) < 60;
}

describe('ElevenLabs simulator conversation generator', () => {
  it('sends signed post-call webhooks shaped as ElevenLabs sends them', async () => {
    const { apiKey, agentId, webhook } = await sim.workspace({ webhookUrl: receiver.url });
    const played = await sim.elevenlabs.playConversations({ agentId, count: 8, initiationFailureRate: 0.3, seed: 3 });
    const failed = played.conversations.filter((c) => c.status === 'failed');
    const answered = played.conversations.filter((c) => c.status === 'done');
    expect(failed.length).toBeGreaterThan(0);
    expect(answered.length).toBeGreaterThan(0);
    expect(receiver.received).toHaveLength(failed.length + 2 * answered.length);
    expect(receiver.received.every((hook) => signatureHolds(hook, webhook!.secret))).toBe(true);
    expect(receiver.received.some((hook) => signatureHolds(hook, 'wsec_other'))).toBe(false);
    expect(played.deliveries.every((delivery) => delivery.httpStatus === 200 && !delivery.lost)).toBe(true);

    const events = receiver.events();
    const [answeredCall] = answered;
    const transcription = events.find(
      (e) => e.type === 'post_call_transcription' && e.data.conversation_id === answeredCall!.conversationId,
    );
    // The transcription's data is what GET /v1/convai/conversations/:id answers.
    const fetched = await (await sim.get(`/v1/convai/conversations/${answeredCall!.conversationId}`, apiKey)).json();
    expect(transcription).toMatchObject({ event_timestamp: expect.any(Number), data: fetched });

    const audioIndex = events.findIndex(
      (e) => e.type === 'post_call_audio' && e.data.conversation_id === answeredCall!.conversationId,
    );
    expect(Object.keys(events[audioIndex]!.data).sort()).toEqual(['agent_id', 'conversation_id', 'full_audio']);
    expect(receiver.received[audioIndex]!.chunked).toBe(true);
    const recording = await sim.get(`/v1/convai/conversations/${answeredCall!.conversationId}/audio`, apiKey);
    const fromWebhook = Buffer.from(events[audioIndex]!.data.full_audio as string, 'base64');
    expect(fromWebhook.equals(Buffer.from(await recording.arrayBuffer()))).toBe(true);

    const failure = events.find((e) => e.type === 'call_initiation_failure');
    expect(failure).toMatchObject({
      data: {
        agent_id: agentId,
        conversation_id: failed[0]!.conversationId,
        failure_reason: expect.stringMatching(/^(busy|no-answer|unknown)$/),
        metadata: { type: 'twilio', body: { CallSid: expect.stringMatching(/^CA/), Direction: 'outbound-api' } },
      },
    });
  });

  it('loses, duplicates and reorders webhooks as planned, and keeps every conversation in the list', async () => {
    const { apiKey, agentId } = await sim.workspace({ webhookUrl: receiver.url });
    const plan = { agentId, count: 20, lossRate: 0.25, duplicateRate: 0.25, reorder: true, seed: 5, audio: false };
    const played = await sim.elevenlabs.playConversations(plan);

    const lost = played.deliveries.filter((delivery) => delivery.lost);
    const duplicates = played.deliveries.filter((delivery) => delivery.duplicate);
    expect(lost.length).toBeGreaterThan(0);
    expect(duplicates.length).toBeGreaterThan(0);
    expect(lost.every((delivery) => delivery.httpStatus === null)).toBe(true);
    const sent = played.deliveries.filter((delivery) => !delivery.lost);
    expect(receiver.events().map((e) => e.data.conversation_id)).toEqual(sent.map((d) => d.conversationId));
    const starts = new Map(played.conversations.map((c) => [c.conversationId, c.startUnix]));
    const order = sent.map((delivery) => starts.get(delivery.conversationId)!);
    expect(order).not.toEqual([...order].sort((a, b) => a - b));

    const listed = await sim.client(apiKey).conversationalAi.conversations.list({ pageSize: 100 });
    expect(new Set(listed.conversations.map((c) => c.conversationId))).toEqual(new Set(starts.keys()));

    // The same seed plays the same losses, duplicates and order.
    const again = await sim.elevenlabs.playConversations(plan);
    const shape = (deliveries: typeof played.deliveries) =>
      deliveries.map(({ type, lost: wasLost, duplicate }) => [type, wasLost, duplicate]);
    expect(shape(again.deliveries)).toEqual(shape(played.deliveries));
  });

  it('sends many at once when asked, to another URL, and only plays conversations when webhooks are off', async () => {
    const { agentId, accountId } = await sim.workspace();
    await expect(sim.elevenlabs.playConversations({ agentId })).rejects.toThrow(/409.*no post-call webhook/);
    await expect(sim.elevenlabs.playConversations({ agentId: 'agent_missing' })).rejects.toThrow(/404/);
    const quiet = await sim.elevenlabs.playConversations({ agentId, count: 3, webhooks: false });
    expect(quiet.deliveries).toEqual([]);

    await sim.elevenlabs.setWebhook(accountId, { url: 'http://127.0.0.1:9/unreachable', secret: 'wsec_test' });
    const busy = await sim.elevenlabs.playConversations({
      agentId,
      count: 30,
      concurrency: 8,
      initiationFailureRate: 0,
      deliverTo: receiver.url,
    });
    expect(receiver.received).toHaveLength(60);
    expect(busy.deliveries.every((delivery) => delivery.httpStatus === 200 && delivery.url === receiver.url)).toBe(
      true,
    );
    expect(receiver.received.every((hook) => signatureHolds(hook, 'wsec_test'))).toBe(true);
  });
});

import { ElevenLabsError } from '@elevenlabs/elevenlabs-js';
import { useElevenLabsSimulator } from './test-simulator';

const sim = useElevenLabsSimulator();

describe('ElevenLabs simulator faults', () => {
  it('answers 429 with retry-after and 5xx in ElevenLabs’ shape, then serves again, counting each request', async () => {
    const { apiKey } = await sim.workspace();
    await sim.control.fault({ operation: 'elevenlabs.listConversations', mode: 'fail', status: 429, delayMs: 7_000 });
    await sim.control.fault({ operation: 'elevenlabs.listConversations', mode: 'fail', status: 503 });

    const throttled = await sim.get('/v1/convai/conversations', apiKey);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(await throttled.json()).toMatchObject({ detail: { status: 'too_many_concurrent_requests' } });
    const down = await sim.get('/v1/convai/conversations', apiKey);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ detail: { status: 'service_unavailable' } });
    expect((await sim.get('/v1/convai/conversations', apiKey)).status).toBe(200);

    expect((await sim.control.state()).requestCounts).toEqual({ 'elevenlabs.listConversations': 3 });
  });

  it('fails a valid key with 401 on request, as a key deleted in the dashboard would', async () => {
    const { apiKey, agentId } = await sim.workspace();
    await sim.control.fault({ operation: 'elevenlabs.getAgent', mode: 'fail', status: 401, match: agentId });
    await expect(sim.client(apiKey).conversationalAi.agents.get(agentId)).rejects.toMatchObject({
      statusCode: 401,
      body: { detail: { status: 'invalid_api_key' } },
    });
    expect((await sim.get(`/v1/convai/agents/${agentId}`, apiKey)).status).toBe(200);
  });

  it('answers slowly, or never, so clients meet their timeouts', async () => {
    const { apiKey } = await sim.workspace();
    await sim.control.fault({ operation: 'elevenlabs.getUser', mode: 'slow', delayMs: 300 });
    const started = performance.now();
    await sim.client(apiKey).user.get();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);

    await sim.control.fault({ operation: 'elevenlabs.getSubscription', mode: 'hang' });
    // Under Node's fetch the SDK's timeout arrives as a plain ElevenLabsError whose cause is its abort reason.
    const hung = sim.client(apiKey, 0.3).user.subscription.get();
    await expect(hung).rejects.toBeInstanceOf(ElevenLabsError);
    await expect(hung).rejects.toMatchObject({ statusCode: undefined, cause: 'timeout' });
  });

  it('checks the key before a fault: an unknown key is refused even while the operation is faulted', async () => {
    await sim.control.fault({ operation: 'elevenlabs.getUser', mode: 'fail', status: 500 });
    expect((await sim.get('/v1/user', 'sk_unknown')).status).toBe(401);
    expect((await sim.control.faults())[0]).toMatchObject({ operation: 'elevenlabs.getUser', remaining: 1 });
  });
});

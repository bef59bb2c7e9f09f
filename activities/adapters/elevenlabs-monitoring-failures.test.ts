import { useElevenLabsSimulator } from '../../sim/elevenlabs/test-simulator';
import { createElevenLabsMonitoring } from './elevenlabs-monitoring';
import { ProviderError } from './provider-error';

const sim = useElevenLabsSimulator();
const monitoringFor = (apiKey: string, timeoutMs = 2_000) =>
  createElevenLabsMonitoring({ apiKey, baseUrl: sim.baseUrl, timeoutMs });

describe('ElevenLabs monitoring adapter: failures', () => {
  const failureOf = async (call: Promise<unknown>) => {
    const error = await call.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  };

  it('classifies 401 as permanent, 429 as retryable after the time ElevenLabs asks, 5xx as retryable', async () => {
    const { apiKey, agentId } = await sim.workspace();
    const monitoring = monitoringFor(apiKey);
    await sim.control.fault({ operation: 'elevenlabs.getAgent', mode: 'fail', status: 401 });
    await sim.control.fault({ operation: 'elevenlabs.getAgent', mode: 'fail', status: 429, delayMs: 12_000 });
    await sim.control.fault({ operation: 'elevenlabs.getAgent', mode: 'fail', status: 500 });

    expect(await failureOf(monitoring.getAgent(agentId))).toMatchObject({
      provider: 'elevenlabs',
      status: 401,
      code: 'invalid_api_key',
      retryable: false,
      retryAfterMs: null,
    });
    expect(await failureOf(monitoring.getAgent(agentId))).toMatchObject({
      status: 429,
      code: 'too_many_concurrent_requests',
      retryable: true,
      retryAfterMs: 12_000,
    });
    expect(await failureOf(monitoring.getAgent(agentId))).toMatchObject({
      status: 500,
      retryable: true,
      message: 'elevenlabs: Simulated ElevenLabs failure (500)',
    });
    expect(await monitoring.getAgent(agentId)).not.toBeNull();
  });

  it('turns a request that never answers into a retryable timeout, and a refused page size into a permanent 422', async () => {
    const { apiKey } = await sim.workspace();
    await sim.control.fault({ operation: 'elevenlabs.listConversations', mode: 'hang' });
    expect(await failureOf(monitoringFor(apiKey, 300).listConversations())).toMatchObject({
      status: null,
      code: 'timeout',
      retryable: true,
    });
    expect(await failureOf(monitoringFor(apiKey).listConversations({ pageSize: 500 }))).toMatchObject({
      status: 422,
      code: 'validation_error',
      retryable: false,
    });
  });

  it('names no key in its errors', async () => {
    const secretKey = 'sk_tenant_secret_that_must_not_leak';
    const error = await failureOf(monitoringFor(secretKey).getAgent('agent_x'));
    expect(error.status).toBe(401);
    expect(`${error.message} ${error.code}`).not.toContain(secretKey);
  });
});

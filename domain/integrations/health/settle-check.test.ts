import { ElevenLabsFailure } from '../elevenlabs-failure';
import { ProbeFailure } from './probe-failure';
import { probeWithin, settleCheck } from './settle-check';

const never = () => new Promise<never>(() => {});

describe('probeWithin', () => {
  it('gives the answer in time, and says "No answer" once the time is up', async () => {
    await expect(probeWithin(200, async () => 'found')).resolves.toEqual({ ok: true, value: 'found' });
    const started = Date.now();
    await expect(probeWithin(100, never)).resolves.toEqual({ ok: false, error: 'No answer within 0.1 s' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('passes on messages written to be shown and hides any other error’s text', async () => {
    const failing = (error: Error) => () => Promise.reject(error);
    await expect(probeWithin(200, failing(new ProbeFailure('no connection')))).resolves.toEqual({
      ok: false,
      error: 'no connection',
    });
    await expect(probeWithin(200, failing(new ElevenLabsFailure('unreachable', 'HTTP 503')))).resolves.toEqual({
      ok: false,
      error: 'HTTP 503',
    });
    const leaky = await probeWithin(200, failing(new Error('connect failed for smtp://user:hunter2@mail')));
    expect(leaky).toEqual({ ok: false, error: 'The check failed unexpectedly; see the platform log' });
  });
});

describe('settleCheck', () => {
  it('reports a check that throws or hangs as unreachable instead of failing, and logs the unexpected one', async () => {
    const logged: unknown[] = [];
    const broken = await settleCheck(
      'stripe',
      200,
      () => Promise.reject(new Error('db down')),
      (e) => logged.push(e),
    );
    expect(broken).toEqual({
      name: 'stripe',
      configured: false,
      reachable: false,
      last_sync: null,
      error: 'The check failed unexpectedly; see the platform log',
      status: null,
    });
    expect(logged).toHaveLength(1);
    await expect(settleCheck('twilio', 100, never)).resolves.toMatchObject({
      name: 'twilio',
      reachable: false,
      error: 'No answer within 0.1 s',
    });
  });
});

import { ElevenLabsError, ElevenLabsTimeoutError } from '@elevenlabs/elevenlabs-js';
import { createElevenLabsClient, toProviderError } from './elevenlabs-client';

/** An SDK error as the SDK throws it for an HTTP answer: the status, the parsed body and the response headers. */
const httpError = (statusCode: number, body: unknown, headers: Record<string, string> = {}) =>
  new ElevenLabsError({
    statusCode,
    body,
    rawResponse: {
      headers: new Headers(headers),
      redirected: false,
      status: statusCode,
      statusText: '',
      type: 'basic',
      url: '',
    },
  });

describe('createElevenLabsClient', () => {
  afterEach(() => jest.restoreAllMocks());

  it('refuses a blank key before any request', () => {
    expect(() => createElevenLabsClient({ apiKey: '  ', timeoutMs: 1_000 })).toThrow(
      'An ElevenLabs API key is required',
    );
  });

  it('calls ElevenLabs’ own API when no base URL is given, once, with the tenant’s key', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response('{"detail":{"status":"internal","message":"down"}}', {
        status: 500,
        headers: { 'content-type': 'application/json' },
      }),
    );
    const client = createElevenLabsClient({ apiKey: 'sk_tenant', timeoutMs: 1_000 });

    const failure = await client.conversationalAi.agents.get('agent_1').then(
      () => null,
      (error: unknown) => toProviderError(error),
    );
    // One attempt only: Temporal retries the activity, so the SDK must not retry a 5xx on its own.
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(String(url)).toBe('https://api.elevenlabs.io/v1/convai/agents/agent_1');
    expect(new Headers(init?.headers).get('xi-api-key')).toBe('sk_tenant');
    expect(failure).toMatchObject({ status: 500, code: 'internal', message: 'elevenlabs: down', retryable: true });
  });
});

describe('toProviderError', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-10-21T07:28:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('reads a plain-text detail (a 404’s) as the message, without a code', () => {
    expect(toProviderError(httpError(404, { detail: 'Conversation not found' }))).toMatchObject({
      status: 404,
      code: null,
      message: 'elevenlabs: Conversation not found',
      retryable: false,
    });
  });

  it('joins FastAPI’s validation messages, and falls back to the status when none is readable', () => {
    const problems = [{ msg: 'page_size too large' }, { loc: ['query'] }, { msg: 'cursor malformed' }];
    expect(toProviderError(httpError(422, { detail: problems }))).toMatchObject({
      code: 'validation_error',
      message: 'elevenlabs: page_size too large; cursor malformed',
      retryable: false,
    });
    expect(toProviderError(httpError(422, { detail: [{ loc: ['body'] }] }))).toMatchObject({
      code: 'validation_error',
      message: 'elevenlabs: HTTP 422',
    });
  });

  it('answers an error without a readable body (a proxy’s page, an empty body) with the status alone', () => {
    for (const body of [undefined, null, '<html>Bad gateway</html>', { detail: null }, { detail: { status: 7 } }]) {
      expect(toProviderError(httpError(502, body))).toMatchObject({
        status: 502,
        code: null,
        message: 'elevenlabs: HTTP 502',
        retryable: true,
      });
    }
  });

  it('waits as long as a retry-after date asks, not at all for a past date, and ignores an unreadable one', () => {
    const throttled = (retryAfter: string) =>
      toProviderError(httpError(429, { detail: { status: 'rate_limited' } }, { 'retry-after': retryAfter }));
    expect(throttled('Wed, 21 Oct 2026 07:28:30 GMT').retryAfterMs).toBe(30_000);
    expect(throttled('Wed, 21 Oct 2026 07:00:00 GMT').retryAfterMs).toBe(0);
    expect(throttled('soon').retryAfterMs).toBeNull();
    expect(throttled('-5').retryAfterMs).toBeNull();
    expect(throttled('5-1').retryAfterMs).toBeNull();
    expect(throttled('2').retryAfterMs).toBe(2_000);
  });

  it('classifies the SDK’s timeout and any failure without a response as retryable, with no status', () => {
    expect(toProviderError(new ElevenLabsTimeoutError('Timeout exceeded when calling GET /v1/user.'))).toMatchObject({
      status: null,
      code: 'timeout',
      retryable: true,
    });
    // Under Node's fetch the SDK's timeout arrives as a plain ElevenLabsError whose cause is the abort reason.
    expect(toProviderError(new ElevenLabsError({ message: 'aborted', cause: 'timeout' }))).toMatchObject({
      status: null,
      code: 'timeout',
    });
    expect(toProviderError(new ElevenLabsError({ message: 'connection reset', cause: 'ECONNRESET' }))).toMatchObject({
      status: null,
      code: null,
      message: 'elevenlabs: connection reset',
      retryable: true,
    });
    expect(toProviderError(new TypeError('fetch failed'))).toMatchObject({
      status: null,
      code: null,
      message: 'elevenlabs: fetch failed',
      retryable: true,
    });
    const thrown = 'socket hang up';
    const failure = toProviderError(thrown);
    expect(failure).toMatchObject({ status: null, code: null, message: 'elevenlabs: request failed' });
    expect(failure.cause).toBe(thrown);
  });
});

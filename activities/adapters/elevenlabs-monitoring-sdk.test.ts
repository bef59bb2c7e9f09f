import { createElevenLabsMonitoring } from './elevenlabs-monitoring-sdk';

/**
 * ElevenLabs answers that the simulator never gives (a 401 without ElevenLabs' error code, a permission refusal
 * that names no permission), served by a stub `fetch`: each path answers with a status and a JSON body.
 */
function stubElevenLabs(answers: Record<string, [number, unknown]>) {
  const requested: URL[] = [];
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = new URL(String(input));
    requested.push(url);
    const [status, body] = answers[url.pathname] ?? [404, { detail: 'Not found' }];
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return { requested };
}

const monitoring = () =>
  createElevenLabsMonitoring({ apiKey: 'sk_tenant', baseUrl: 'https://elevenlabs.test', timeoutMs: 1_000 });
const emptyPages = {
  '/v1/convai/agents': [200, { agents: [], has_more: false }],
  '/v1/convai/conversations': [200, { conversations: [], has_more: false }],
} satisfies Record<string, [number, unknown]>;

afterEach(() => jest.restoreAllMocks());

describe('ElevenLabs monitoring adapter: answers outside ElevenLabs’ usual error shape', () => {
  it('rejects a key refused with a bare 401 as invalid, saying only the status', async () => {
    stubElevenLabs({ ...emptyPages, '/v1/user': [401, { detail: 'Unauthorized' }] });
    expect(await monitoring().checkKey()).toEqual({
      status: 'rejected',
      reason: 'invalid_key',
      permission: null,
      message: 'ElevenLabs does not accept this API key (HTTP 401). Check that it was copied whole and is not deleted.',
    });
  });

  it('names the permission the platform asked for when a refusal does not name one', async () => {
    const refusal = { detail: { status: 'missing_permissions', message: 'This key lacks permissions.' } };
    stubElevenLabs({ ...emptyPages, '/v1/user': [401, refusal] });
    expect(await monitoring().checkKey()).toEqual({
      status: 'active',
      account: null,
      limitations: [
        'The API key lacks the "user_read" permission, which the platform needs to show the plan and credits; monitoring works without it.',
      ],
    });

    stubElevenLabs({ '/v1/user': [401, refusal], '/v1/convai/agents': [401, refusal] });
    expect(await monitoring().checkKey()).toMatchObject({
      status: 'rejected',
      reason: 'missing_permission',
      permission: 'convai_read',
    });
  });

  it('gives no verdict on the key when the account cannot be read for another reason: the failure is thrown', async () => {
    stubElevenLabs({ ...emptyPages, '/v1/user': [503, { detail: { status: 'unavailable', message: 'Down' } }] });
    await expect(monitoring().checkKey()).rejects.toMatchObject({ status: 503, code: 'unavailable', retryable: true });
  });

  it('asks for newest or oldest first as told, and reads a last page without a cursor as the end', async () => {
    const { requested } = stubElevenLabs(emptyPages);
    expect(await monitoring().listConversations({ order: 'newest_first' })).toEqual({
      conversations: [],
      nextCursor: null,
      hasMore: false,
    });
    await monitoring().listConversations({ order: 'oldest_first' });
    await monitoring().listConversations();
    expect(requested.map((url) => url.searchParams.get('sort_direction'))).toEqual(['desc', 'asc', null]);
  });
});

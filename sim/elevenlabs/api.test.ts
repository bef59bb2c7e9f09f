import { ElevenLabsError } from '@elevenlabs/elevenlabs-js';
import { SEEDED_ELEVENLABS } from './seed';
import { useElevenLabsSimulator } from './test-simulator';

const sim = useElevenLabsSimulator();

type ConversationsPage = {
  conversations: Array<{ conversation_id: string; start_time_unix_secs: number; agent_id: string }>;
  next_cursor: string | null;
  has_more: boolean;
};
const json = async <T = Record<string, unknown>>(response: Response) => (await response.json()) as T;

/** Plays conversations without webhooks, one a minute from `startUnix`. */
const played = async (agentId: string, count: number, startUnix = 1_800_000_000) =>
  (await sim.elevenlabs.playConversations({ agentId, count, webhooks: false, startUnix, spacingSecs: 60, seed: 1 }))
    .conversations;

describe('ElevenLabs simulator: keys and accounts', () => {
  it('answers the user and subscription of the key’s account, which the SDK reads', async () => {
    const { apiKey, accountId } = await sim.workspace();
    const client = sim.client(apiKey);
    const user = await client.user.get();
    expect(user).toMatchObject({
      userId: accountId,
      xiApiKeyPreview: `sk_…${apiKey.slice(-4)}`,
      seatType: 'workspace_admin',
    });
    expect(await client.user.subscription.get()).toMatchObject({
      tier: 'creator',
      status: 'active',
      characterCount: 0,
    });
  });

  it('refuses a key without user_read on the user routes with the real 401 body, and lets it read agents', async () => {
    const { apiKey, agentId } = await sim.workspace({ permissions: ['convai_read'] });
    for (const path of ['/v1/user', '/v1/user/subscription']) {
      const response = await sim.get(path, apiKey);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        detail: {
          status: 'missing_permissions',
          message: 'The API key you used is missing the permission user_read to execute this operation.',
        },
      });
    }
    expect((await sim.get(`/v1/convai/agents/${agentId}`, apiKey)).status).toBe(200);
    const agentsOnly = await sim.elevenlabs.createKey((await sim.elevenlabs.createAccount()).accountId, ['user_read']);
    const refused = await sim.get('/v1/convai/conversations', agentsOnly.apiKey);
    expect(refused.status).toBe(401);
    expect(await json(refused)).toMatchObject({ detail: { status: 'missing_permissions' } });
  });

  it('answers an unknown, missing or revoked key with 401 in ElevenLabs’ shape', async () => {
    const unknown = await sim.get('/v1/user', 'sk_not_a_key');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({ detail: { status: 'invalid_api_key', message: 'Invalid API key' } });
    expect(await json(await sim.get('/v1/convai/agents'))).toMatchObject({ detail: { status: 'needs_authorization' } });

    const { apiKey } = await sim.workspace();
    await sim.elevenlabs.revokeKey(apiKey);
    await expect(sim.client(apiKey).user.get()).rejects.toMatchObject({ statusCode: 401 });
  });

  it('keeps accounts apart: another workspace’s agents and conversations do not exist for a key', async () => {
    const tenantA = await sim.workspace();
    const tenantB = await sim.workspace();
    const [conversationOfB] = await played(tenantB.agentId, 1);
    const [conversationOfA] = await played(tenantA.agentId, 1);

    const missingAgent = await sim.get(`/v1/convai/agents/${tenantB.agentId}`, tenantA.apiKey);
    expect(missingAgent.status).toBe(404);
    expect(await json(missingAgent)).toMatchObject({ detail: { status: 'agent_not_found' } });
    for (const suffix of ['', '/audio']) {
      const response = await sim.get(
        `/v1/convai/conversations/${conversationOfB!.conversationId}${suffix}`,
        tenantA.apiKey,
      );
      expect(response.status).toBe(404);
    }
    const listed = await json<ConversationsPage>(await sim.get('/v1/convai/conversations', tenantA.apiKey));
    expect(listed.conversations.map((c) => c.conversation_id)).toEqual([conversationOfA!.conversationId]);
    const byOtherAgent = await sim.get(`/v1/convai/conversations?agent_id=${tenantB.agentId}`, tenantA.apiKey);
    expect((await json<ConversationsPage>(byOtherAgent)).conversations).toEqual([]);
    const agents = await sim.client(tenantA.apiKey).conversationalAi.agents.list();
    expect(agents.agents.map((agent) => agent.agentId)).toEqual([tenantA.agentId]);
  });

  it('starts with the seeded workspaces, shows its state without whole keys, and returns to the seed on reset', async () => {
    const seeded = SEEDED_ELEVENLABS.workspaceA;
    expect((await sim.client(seeded.key).conversationalAi.agents.get(seeded.agentIds[0])).name).toBe('Reception');
    const extra = await sim.workspace();
    await played(extra.agentId, 2);

    const state = await sim.elevenlabs.state();
    expect(state.accounts.map((account) => account.id)).toContain(extra.accountId);
    expect(state.conversations).toHaveLength(2);
    expect(JSON.stringify(state)).not.toContain(extra.apiKey);

    await sim.control.reset();
    const reset = await sim.elevenlabs.state();
    expect(reset.accounts.map((account) => account.id)).toEqual([
      SEEDED_ELEVENLABS.workspaceA.accountId,
      SEEDED_ELEVENLABS.workspaceB.accountId,
    ]);
    expect(reset.conversations).toEqual([]);
    expect((await sim.get('/v1/user', extra.apiKey)).status).toBe(401);
  });

  it('answers an unknown path as FastAPI does', async () => {
    const response = await sim.get('/v1/convai/nothing-here', SEEDED_ELEVENLABS.workspaceA.key);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: 'Not Found' });
  });
});

describe('ElevenLabs simulator: conversations', () => {
  it('pages newest first by cursor, with has_more and next_cursor as the SDK reads them', async () => {
    const { apiKey, agentId } = await sim.workspace();
    const all = await played(agentId, 7);
    const client = sim.client(apiKey);
    const seen: string[] = [];
    let cursor: string | undefined;
    const pages: Array<{ size: number; hasMore: boolean }> = [];
    do {
      const page = await client.conversationalAi.conversations.list({ pageSize: 3, cursor });
      seen.push(...page.conversations.map((conversation) => conversation.conversationId));
      pages.push({ size: page.conversations.length, hasMore: page.hasMore });
      cursor = page.nextCursor ?? undefined;
      if (!page.hasMore) expect(page.nextCursor).toBeUndefined();
    } while (cursor);
    expect(pages).toEqual([
      { size: 3, hasMore: true },
      { size: 3, hasMore: true },
      { size: 1, hasMore: false },
    ]);
    expect(seen).toEqual(all.map((conversation) => conversation.conversationId).reverse());
  });

  it('keeps a page’s place when newer conversations arrive between pages', async () => {
    const { apiKey, agentId } = await sim.workspace();
    const older = await played(agentId, 4, 1_800_000_000);
    const first = await json<ConversationsPage>(await sim.get('/v1/convai/conversations?page_size=2', apiKey));
    await played(agentId, 3, 1_900_000_000);
    const second = await json<ConversationsPage>(
      await sim.get(`/v1/convai/conversations?page_size=2&cursor=${first.next_cursor}`, apiKey),
    );
    expect([...first.conversations, ...second.conversations].map((c) => c.conversation_id)).toEqual(
      older.map((c) => c.conversationId).reverse(),
    );
    expect(second.has_more).toBe(false);
  });

  it('filters by agent and start time and sorts oldest first on request', async () => {
    const { apiKey, agentId, accountId } = await sim.workspace();
    const other = await sim.elevenlabs.createAgent(accountId, { name: 'Night line' });
    const mine = await played(agentId, 5, 1_800_000_000);
    await played(other.agentId, 2, 1_800_000_030);

    const query = `agent_id=${agentId}&call_start_after_unix=1800000060&call_start_before_unix=1800000240&sort_direction=asc`;
    const page = await json<ConversationsPage>(await sim.get(`/v1/convai/conversations?${query}`, apiKey));
    expect(page.conversations.map((c) => c.conversation_id)).toEqual(mine.slice(1, 4).map((c) => c.conversationId));
    expect(page.conversations.every((c) => c.agent_id === agentId)).toBe(true);
  });

  it('refuses a cursor it did not make and an out-of-range page size with 422', async () => {
    const { apiKey } = await sim.workspace();
    for (const query of ['cursor=not-a-cursor', 'page_size=0', 'page_size=101', 'call_start_after_unix=soon']) {
      const response = await sim.get(`/v1/convai/conversations?${query}`, apiKey);
      expect(response.status).toBe(422);
      expect(await json(response)).toMatchObject({ detail: [{ loc: ['query', expect.any(String)] }] });
    }
  });

  it('serves a conversation in full and its recording as MP3, and no audio for a call that never connected', async () => {
    const { apiKey, agentId } = await sim.workspace();
    const calls = await sim.elevenlabs.playConversations({
      agentId,
      count: 12,
      webhooks: false,
      initiationFailureRate: 0.3,
      seed: 11,
    });
    const answered = calls.conversations.find((c) => c.status === 'done')!;
    const failed = calls.conversations.find((c) => c.status === 'failed')!;
    const client = sim.client(apiKey);

    const detail = await client.conversationalAi.conversations.get(answered.conversationId);
    expect(detail).toMatchObject({ status: 'done', hasAudio: true, metadata: { phoneCall: { type: 'twilio' } } });
    expect(detail.transcript[0]).toMatchObject({ role: 'agent', timeInCallSecs: 0 });
    expect(new Set(detail.transcript.map((turn) => turn.role))).toEqual(new Set(['agent', 'user']));
    expect(detail.analysis?.callSuccessful).toMatch(/^(success|failure)$/);
    expect(detail.metadata.cost).toBeGreaterThan(0);

    const audio = await sim.get(`/v1/convai/conversations/${answered.conversationId}/audio`, apiKey);
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    const bytes = Buffer.from(await audio.arrayBuffer());
    expect(bytes.subarray(0, 3).toString()).toBe('ID3');
    expect(bytes.includes(Buffer.from(answered.conversationId))).toBe(true);
    const firstFrame = 10 + bytes.readUInt32BE(6);
    expect(bytes.subarray(firstFrame, firstFrame + 2)).toEqual(Buffer.from([0xff, 0xf3]));
    // About 1 KB a second of call.
    expect(bytes.length).toBeGreaterThan(detail.metadata.callDurationSecs * 1000);

    const failedDetail = await client.conversationalAi.conversations.get(failed.conversationId);
    expect(failedDetail).toMatchObject({ status: 'failed', hasAudio: false, transcript: [] });
    const noAudio = sim.client(apiKey).conversationalAi.conversations.audio.get(failed.conversationId);
    await expect(noAudio).rejects.toBeInstanceOf(ElevenLabsError);
  });
});

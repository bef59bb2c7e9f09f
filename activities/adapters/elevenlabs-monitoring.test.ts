import { useElevenLabsSimulator } from '../../sim/elevenlabs/test-simulator';
import { createElevenLabsMonitoring, type ElevenLabsMonitoring } from './elevenlabs-monitoring';

const sim = useElevenLabsSimulator();
const monitoringFor = (apiKey: string, timeoutMs = 2_000): ElevenLabsMonitoring =>
  createElevenLabsMonitoring({ apiKey, baseUrl: sim.baseUrl, timeoutMs });

describe('ElevenLabs monitoring adapter: keys', () => {
  it('accepts a full key with the account’s plan and credits', async () => {
    const { apiKey, accountId, agentId } = await sim.workspace();
    await sim.elevenlabs.playConversations({ agentId, count: 3, webhooks: false, initiationFailureRate: 0 });
    const check = await monitoringFor(apiKey).checkKey();
    expect(check).toEqual({
      status: 'active',
      account: {
        userId: accountId,
        name: 'Simulated workspace',
        tier: 'creator',
        subscriptionStatus: 'active',
        creditsUsed: expect.any(Number),
        creditLimit: 121_000,
        creditsResetAt: expect.any(Date),
      },
      limitations: [],
    });
    expect(check.status === 'active' && check.account!.creditsUsed).toBeGreaterThan(0);
  });

  it('accepts a key restricted to Agents, saying in words what it cannot read', async () => {
    const { apiKey } = await sim.workspace({ permissions: ['convai_read'] });
    expect(await monitoringFor(apiKey).checkKey()).toEqual({
      status: 'active',
      account: null,
      limitations: [
        'The API key lacks the "user_read" permission, which the platform needs to show the plan and credits; monitoring works without it.',
      ],
    });
  });

  it('rejects a key that cannot read agents and conversations, naming the permission', async () => {
    const { apiKey } = await sim.workspace({ permissions: ['user_read'] });
    expect(await monitoringFor(apiKey).checkKey()).toEqual({
      status: 'rejected',
      reason: 'missing_permission',
      permission: 'convai_read',
      message:
        'The API key lacks the "convai_read" permission, which the platform needs to read its agents and conversations.',
    });
  });

  it('rejects an unknown or revoked key as invalid, and throws when ElevenLabs cannot answer', async () => {
    expect(await monitoringFor('sk_never_issued').checkKey()).toMatchObject({
      status: 'rejected',
      reason: 'invalid_key',
      permission: null,
      message: expect.stringContaining('invalid_api_key'),
    });
    const { apiKey } = await sim.workspace();
    await sim.control.fault({ operation: 'elevenlabs.listConversations', mode: 'fail', status: 503 });
    await expect(monitoringFor(apiKey).checkKey()).rejects.toMatchObject({ status: 503, retryable: true });
    await sim.elevenlabs.revokeKey(apiKey);
    expect(await monitoringFor(apiKey).checkKey()).toMatchObject({ status: 'rejected', reason: 'invalid_key' });
  });
});

describe('ElevenLabs monitoring adapter: agents and conversations', () => {
  it('reads an agent in the platform’s terms, and none of another account', async () => {
    const mine = await sim.workspace();
    const theirs = await sim.workspace();
    expect(await monitoringFor(mine.apiKey).getAgent(mine.agentId)).toEqual({
      id: mine.agentId,
      name: 'Front desk',
      language: 'en',
      voiceId: expect.any(String),
      firstMessage: 'Hello, this is Front desk. How can I help you today?',
      tags: [],
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    expect(await monitoringFor(mine.apiKey).getAgent(theirs.agentId)).toBeNull();
  });

  it('pages conversations by cursor, filtered by agent and start, in either order', async () => {
    const { apiKey, agentId, accountId } = await sim.workspace();
    const other = await sim.elevenlabs.createAgent(accountId);
    const startUnix = 1_800_000_000;
    const { conversations } = await sim.elevenlabs.playConversations({
      agentId,
      count: 5,
      webhooks: false,
      startUnix,
      spacingSecs: 60,
      initiationFailureRate: 0,
    });
    await sim.elevenlabs.playConversations({ agentId: other.agentId, count: 2, webhooks: false, startUnix });
    const monitoring = monitoringFor(apiKey);

    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await monitoring.listConversations({ agentId, pageSize: 2, cursor });
      ids.push(...page.conversations.map((conversation) => conversation.id));
      cursor = page.nextCursor ?? undefined;
      expect(page.hasMore).toBe(cursor !== undefined);
    } while (cursor);
    expect(ids).toEqual(conversations.map((c) => c.conversationId).reverse());

    const recent = await monitoring.listConversations({
      agentId,
      after: new Date((startUnix + 120) * 1000),
      order: 'oldest_first',
    });
    expect(recent.conversations.map((c) => c.id)).toEqual(conversations.slice(2).map((c) => c.conversationId));
    expect(recent.conversations[0]).toEqual({
      id: conversations[2]!.conversationId,
      agentId,
      agentName: 'Front desk',
      status: 'done',
      startedAt: new Date((startUnix + 120) * 1000),
      durationSeconds: expect.any(Number),
      messageCount: expect.any(Number),
      outcome: expect.stringMatching(/^(success|failure)$/),
      terminationReason: expect.any(String),
      title: expect.any(String),
      summary: expect.any(String),
      direction: expect.stringMatching(/^(inbound|outbound)$/),
    });
    const before = await monitoring.listConversations({ before: new Date((startUnix + 60) * 1000) });
    expect(before.conversations.map((c) => c.startedAt.getTime() / 1000)).toEqual([startUnix, startUnix]);
  });

  it('reads a conversation with its transcript, analysis, cost and call, and a failed one with its reason', async () => {
    const { apiKey, agentId } = await sim.workspace();
    const played = await sim.elevenlabs.playConversations({
      agentId,
      count: 10,
      webhooks: false,
      initiationFailureRate: 0.3,
      seed: 21,
    });
    const answered = played.conversations.find((c) => c.status === 'done')!;
    const failed = played.conversations.find((c) => c.status === 'failed')!;
    const monitoring = monitoringFor(apiKey);

    const detail = (await monitoring.getConversation(answered.conversationId))!;
    expect(detail).toMatchObject({
      id: answered.conversationId,
      agentId,
      status: 'done',
      startedAt: new Date(answered.startUnix * 1000),
      hasAudio: true,
      failure: null,
      language: 'en',
      phoneCall: { agentNumber: expect.stringMatching(/^\+1415555/), callerNumber: expect.stringMatching(/^\+43664/) },
    });
    expect(detail.transcript[0]).toEqual({
      speaker: 'agent',
      text: expect.any(String),
      atSeconds: 0,
      interrupted: false,
    });
    expect(detail.transcript.map((turn) => turn.atSeconds)).toEqual(
      [...detail.transcript.map((turn) => turn.atSeconds)].sort((a, b) => a - b),
    );
    expect(detail.analysis).toMatchObject({
      outcome: detail.outcome,
      summary: expect.any(String),
      evaluations: expect.arrayContaining([
        { id: 'resolved_request', result: detail.outcome, rationale: expect.any(String) },
      ]),
      collected: expect.arrayContaining([
        { id: 'caller_name', value: expect.any(String), rationale: expect.any(String) },
      ]),
    });
    expect(detail.cost.credits).toBeGreaterThan(0);
    expect(detail.cost.usd).toBeGreaterThan(detail.cost.llmUsd!);

    expect(await monitoring.getConversation(failed.conversationId)).toMatchObject({
      status: 'failed',
      durationSeconds: 0,
      transcript: [],
      analysis: null,
      outcome: 'unknown',
      hasAudio: false,
      failure: { code: expect.any(Number), reason: expect.stringMatching(/^(busy|no-answer|unknown)$/) },
    });
    const stranger = await sim.workspace();
    expect(await monitoringFor(stranger.apiKey).getConversation(answered.conversationId)).toBeNull();
  });

  it('downloads a recording as MP3 bytes, and answers null where there is none', async () => {
    const { apiKey, agentId } = await sim.workspace();
    const played = await sim.elevenlabs.playConversations({
      agentId,
      count: 6,
      webhooks: false,
      seed: 8,
      initiationFailureRate: 0.4,
    });
    const answered = played.conversations.find((c) => c.status === 'done')!;
    const failed = played.conversations.find((c) => c.status === 'failed')!;
    const monitoring = monitoringFor(apiKey);

    const audio = await monitoring.getConversationAudio(answered.conversationId);
    const served = await sim.get(`/v1/convai/conversations/${answered.conversationId}/audio`, apiKey);
    expect(audio).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(audio!).equals(Buffer.from(await served.arrayBuffer()))).toBe(true);
    expect(Buffer.from(audio!.subarray(0, 3)).toString()).toBe('ID3');
    expect(await monitoring.getConversationAudio(failed.conversationId)).toBeNull();
    expect(await monitoring.getConversationAudio('conv_unknown')).toBeNull();
  });
});

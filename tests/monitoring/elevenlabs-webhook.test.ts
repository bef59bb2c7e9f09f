import { CallLog, WebhookEvent } from '../../db/entities';
import { inScope } from '../../db/scope';
import { elevenLabsSignature } from '../../sim/elevenlabs/webhooks';
import {
  bodyOf,
  callLogsOf,
  conversationResult,
  inboxRowsOf,
  monitoredTenant,
  postWebhook,
  settledCallLog,
  silentConversations,
  startMonitoring,
  type MonitoredTenant,
  type Monitoring,
} from './conversation-support';

const now = () => Math.floor(Date.now() / 1000);
/** ELEVENLABS_WEBHOOK_TOLERANCE as the harness sets it. */
const TOLERANCE_SECONDS = 30 * 60;

/**
 * `POST /api/webhooks/elevenlabs/:webhookToken`: each tenant's own URL, signed with its own secret, written to the
 * inbox only for an agent that tenant registered, and never more than once.
 */
describe('ElevenLabs post-call webhook', () => {
  const logLines: string[] = [];
  let m: Monitoring;
  let tenant: MonitoredTenant;
  beforeAll(async () => {
    m = await startMonitoring({ logLines });
    tenant = await monitoredTenant(m);
  });
  afterAll(() => m.close());

  const inboxOfTenant = (tenantId: string) =>
    inScope(m.h.orm, { system: 'test' }, (em) => em.count(WebhookEvent, { tenantId, provider: 'elevenlabs' }));
  const callLogsOfTenant = (tenantId: string) =>
    inScope(m.h.orm, { system: 'test' }, (em) => em.count(CallLog, { tenantId }));

  it('records a signed transcription once: a replay of the same request is deduplicated, not written twice', async () => {
    const [conversation] = await silentConversations(m, tenant);
    const body = bodyOf('post_call_transcription', conversation!);
    const timestamp = now();
    const first = await postWebhook(m, tenant, body, { timestamp });
    const replay = await postWebhook(m, tenant, body, { timestamp });
    expect([first.statusCode, replay.statusCode]).toEqual([200, 200]);
    expect(first.json()).toEqual({ received: true });

    expect((await inboxRowsOf(m, conversation!.id)).map((row) => row.dedupe_key)).toEqual([
      `elevenlabs:post_call_transcription:${conversation!.id}`,
    ]);
    // No audio webhook came: after the settle window the recording is fetched from ElevenLabs.
    const log = await settledCallLog(m, conversation!.id);
    expect(log).toMatchObject({
      tenantId: tenant.tenantId,
      agentId: tenant.agentRowId,
      status: 'completed',
      durationSeconds: conversation!.durationSecs,
      outcome: conversation!.analysis!.callSuccessful,
      title: conversation!.analysis!.title,
      summary: conversation!.analysis!.summary,
      terminationReason: conversation!.terminationReason,
      costCredits: conversation!.callCharge + conversation!.llmCharge,
      costUsd: conversation!.costUsd,
      language: 'en',
      anonymized: false,
    });
    expect(log.analysis).toMatchObject({
      evaluations: expect.arrayContaining([expect.objectContaining({ id: 'resolved_request' })]),
      collected: expect.arrayContaining([expect.objectContaining({ id: 'caller_name' })]),
    });
    expect((log.transcript as unknown[]).length).toBe(conversation!.transcript.length);
    expect(await conversationResult(m, conversation!.id)).toMatchObject({ outcome: 'recorded', writes: 1 });
  });

  it('refuses forged, unsigned, malformed, expired and future signatures with 401 and writes nothing', async () => {
    const [conversation] = await silentConversations(m, tenant);
    const body = bodyOf('post_call_transcription', conversation!);
    const attempts = [
      await postWebhook(m, tenant, body, { secret: 'wsec_someone_else' }),
      await postWebhook(m, tenant, body, { signature: null }),
      await postWebhook(m, tenant, body, { signature: 't=abc,v0=zz' }),
      await postWebhook(m, tenant, body, { timestamp: now() - TOLERANCE_SECONDS - 60 }),
      await postWebhook(m, tenant, body, { timestamp: now() + TOLERANCE_SECONDS + 60 }),
      // Signed for other bytes than those sent.
      await postWebhook(m, tenant, body.replace('"status":"done"', '"status":"failed"'), {
        signature: elevenLabsSignature(body, tenant.webhookSecret),
      }),
    ];
    for (const response of attempts) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await inboxRowsOf(m, conversation!.id)).toEqual([]);
    const refusals = logLines.filter((line) => line.includes('elevenlabs_signature_invalid'));
    expect(refusals.map((line) => JSON.parse(line).reason)).toEqual(
      expect.arrayContaining(['mismatch', 'malformed', 'expired', 'future']),
    );
    // The body is personal data: it is never logged.
    expect(logLines.join('\n')).not.toContain(conversation!.phoneCall.externalNumber);
    expect(logLines.join('\n')).not.toContain(conversation!.transcript[1]!.message);
  });

  it('accepts a signature within the window either way', async () => {
    const [conversation] = await silentConversations(m, tenant);
    const body = bodyOf('post_call_transcription', conversation!);
    expect((await postWebhook(m, tenant, body, { timestamp: now() - TOLERANCE_SECONDS + 60 })).statusCode).toBe(200);
    const audio = bodyOf('post_call_audio', conversation!);
    expect((await postWebhook(m, tenant, audio, { timestamp: now() + TOLERANCE_SECONDS - 60 })).statusCode).toBe(200);
    expect(await inboxRowsOf(m, conversation!.id)).toHaveLength(2);
  });

  it('answers 404 at an unknown address and 409 before the tenant saved its webhook secret', async () => {
    const [conversation] = await silentConversations(m, tenant);
    const body = bodyOf('post_call_transcription', conversation!);
    const unknown = await postWebhook(m, { webhookToken: 'f'.repeat(32), webhookSecret: tenant.webhookSecret }, body);
    expect(unknown.statusCode).toBe(404);
    expect(logLines.some((line) => line.includes('elevenlabs_webhook_unknown'))).toBe(true);

    const noSecret = await monitoredTenant(m);
    await inScope(m.h.orm, { system: 'test' }, (em) =>
      em.execute(`update integrations set webhook_secret_ciphertext = null where id = ?`, [noSecret.integrationId]),
    );
    expect((await postWebhook(m, noSecret, body)).statusCode).toBe(409);
    expect(await inboxRowsOf(m, conversation!.id)).toEqual([]);
  });

  it('answers 400 for a signed body that is not a post-call event, and acknowledges kinds it does not use', async () => {
    const bad = [
      'not json',
      JSON.stringify({ event_timestamp: now(), data: {} }),
      JSON.stringify({ type: 'post_call_transcription', event_timestamp: now(), data: { agent_id: tenant.agentId } }),
      JSON.stringify({ type: 'post_call_audio', event_timestamp: now(), data: { agent_id: tenant.agentId } }),
      JSON.stringify({ type: 'post_call_audio', event_timestamp: 1e20, data: {} }),
      JSON.stringify({
        type: 'call_initiation_failure',
        event_timestamp: now(),
        data: { agent_id: tenant.agentId, conversation_id: '../../etc/passwd', failure_reason: 'busy' },
      }),
    ];
    for (const body of bad) {
      const response = await postWebhook(m, tenant, body);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const before = await inboxOfTenant(tenant.tenantId);
    const other = JSON.stringify({ type: 'conversation_started', event_timestamp: now(), data: {} });
    expect((await postWebhook(m, tenant, other)).statusCode).toBe(200);
    expect(await inboxOfTenant(tenant.tenantId)).toBe(before);
  });

  it('refuses another tenant’s agent posted to this tenant’s URL: 422, logged, nothing written to either', async () => {
    const a = await monitoredTenant(m);
    const b = await monitoredTenant(m);
    const [ofB] = await silentConversations(m, b);
    for (const type of ['post_call_transcription', 'post_call_audio'] as const) {
      // Signed with A's own secret: authentic for A's URL, but the agent is B's.
      const response = await postWebhook(m, a, bodyOf(type, ofB!));
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ status: 422, detail: expect.stringContaining(b.agentId) });
    }
    const unknownAgent = bodyOf('post_call_transcription', ofB!).replaceAll(b.agentId, 'agent_nobody_registered');
    expect((await postWebhook(m, a, unknownAgent)).statusCode).toBe(422);

    const unrouted = logLines
      .filter((line) => line.includes('elevenlabs_agent_unrouted'))
      .map((line) => JSON.parse(line));
    expect(unrouted).toEqual(
      expect.arrayContaining([expect.objectContaining({ tenantId: a.tenantId, agentId: b.agentId })]),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const tenantId of [a.tenantId, b.tenantId]) {
      expect(await inboxOfTenant(tenantId)).toBe(0);
      expect(await callLogsOfTenant(tenantId)).toBe(0);
    }
    expect(await callLogsOf(m, ofB!.id)).toEqual([]);
  });
});

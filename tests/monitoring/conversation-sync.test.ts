import type { ApplicationFailure } from '@temporalio/common';
import type { ConversationSyncStarted, ConversationSyncStatus } from '../../contracts/integration-sync';
import { AuditLog, CallLog, Integration } from '../../db/entities';
import { inScope } from '../../db/scope';
import { simControl } from '../../sim/sim-control';
import { apiKeyContext } from '../../domain/integrations/sealed-contexts';
import { keyFingerprint } from '../../domain/integrations/key-fingerprint';
import { createSecretBox } from '../../domain/secrets/secret-box';
import { createConversationSyncClient } from '../../temporal/conversation-sync-client';
import { createConversationSyncActivities } from '../../activities/conversation-sync';
import { createLogMailer } from '../../activities/adapters/mailer';
import { eventually } from '../support/eventually';
import { bearerFor, makeTenant, makeUser } from '../support/factories';
import { activityDeps, createHarness, TEST_SECRET } from '../support/harness';
import {
  callLogsOf,
  monitoredTenant,
  silentConversations,
  startMonitoring,
  type MonitoredTenant,
  type Monitoring,
} from './conversation-support';

type Headers = { authorization: string };

/**
 * The periodic sync (a Temporal Schedule per tenant): what lost webhooks missed is found and recorded once, a
 * refused key pauses it, a 429 is waited out, and the integrations page reads its state and starts it by hand.
 */
describe('ElevenLabs conversation sync', () => {
  let m: Monitoring;
  beforeAll(async () => {
    m = await startMonitoring({ listen: true });
  });
  afterAll(() => m.close());

  const adminOf = async (tenantId: string): Promise<Headers> =>
    bearerFor(m.h.app, await makeUser(m.h.orm, 'customer_admin', tenantId));
  const syncNow = async (headers: Headers) => {
    const response = await m.h.app.inject({ method: 'POST', url: '/api/integrations/sync', headers });
    expect(response.statusCode).toBe(202);
    return response.json<ConversationSyncStarted>();
  };
  const status = async (headers: Headers, query = '') => {
    const response = await m.h.app.inject({ url: `/api/integrations/sync${query}`, headers });
    expect(response.statusCode).toBe(200);
    return response.json<ConversationSyncStatus>();
  };
  const integrationOf = (tenantId: string) =>
    inScope(m.h.orm, { system: 'test' }, (em) =>
      em.findOneOrFail(Integration, { tenantId, provider: 'elevenlabs' }, { refresh: true }),
    );
  const callLogsOfTenant = (tenantId: string) =>
    inScope(m.h.orm, { system: 'test' }, (em) => em.find(CallLog, { tenantId }, { orderBy: { startedAt: 'asc' } }));
  const syncResult = (workflowId: string) => m.h.client.workflow.getHandle(workflowId).result();

  it('records every conversation the lost webhooks missed, each exactly once, when asked to sync now', async () => {
    const tenant = await monitoredTenant(m);
    const admin = await adminOf(tenant.tenantId);
    const played = await m.elevenlabs.playConversations({
      agentId: tenant.agentId,
      count: 12,
      seed: 7,
      lossRate: 0.4,
      duplicateRate: 0.3,
      reorder: true,
      concurrency: 4,
      initiationFailureRate: 0.2,
    });
    const reached = new Set(played.deliveries.filter((d) => !d.lost).map((d) => d.conversationId));
    const missed = played.conversations.filter((c) => !reached.has(c.conversationId));
    expect(missed.length).toBeGreaterThan(0);
    expect(played.deliveries.some((d) => d.duplicate)).toBe(true);
    // What the webhooks brought is recorded first (a conversation whose transcript was lost is fetched).
    await eventually(
      () => callLogsOfTenant(tenant.tenantId),
      (logs) => logs.length === reached.size && logs.every((log) => log.status !== 'in-progress'),
      { what: 'the call logs the webhooks brought' },
    );

    const started = await syncNow(admin);
    expect(started.workflowId).toBe(`elevenlabs-sync-${tenant.tenantId}-now`);
    expect(started.temporalUrl).toContain(encodeURIComponent(started.workflowId));
    expect(await syncResult(started.workflowId)).toEqual({
      outcome: 'synced',
      pages: 1,
      seen: 12,
      found: missed.length,
    });
    const logs = await eventually(
      () => callLogsOfTenant(tenant.tenantId),
      (rows) => rows.length === 12 && rows.every((row) => (row.status === 'completed' ? row.audioKey !== null : true)),
      { what: 'every conversation recorded' },
    );
    expect(new Set(logs.map((log) => log.externalCallId))).toEqual(
      new Set(played.conversations.map((c) => c.conversationId)),
    );
    // Found by the sync or by webhook, a call that never connected is recorded alike: busy, no-answer or failed.
    const failedAs = { busy: 'busy', 'no-answer': 'no-answer', unknown: 'failed' } as const;
    for (const { conversationId } of played.conversations) {
      const simulated = m.sim.state.elevenlabs.conversations.get(conversationId)!;
      const [log] = await callLogsOf(m, conversationId);
      expect(log).toMatchObject(
        simulated.initiationFailure
          ? { status: failedAs[simulated.initiationFailure.reason], audioKey: null }
          : { status: 'completed', transcriptText: expect.any(String), audioKey: expect.any(String) },
      );
    }
    expect(played.conversations.some((c) => c.status === 'failed' && !reached.has(c.conversationId))).toBe(true);

    const afterFirst = await status(admin);
    expect(afterFirst).toMatchObject({
      lastFound: missed.length,
      lastError: null,
      running: null,
      lastSyncedAt: expect.any(String),
    });
    // Everything is recorded now: a second sync finds nothing and moves the watermark to the newest conversation.
    const again = await syncNow(admin);
    expect(await syncResult(again.workflowId)).toMatchObject({ outcome: 'synced', seen: 12, found: 0 });
    const newest = Math.max(...played.conversations.map((c) => c.startUnix));
    expect((await integrationOf(tenant.tenantId)).syncWatermark).toEqual(new Date(newest * 1000));
    expect(await callLogsOfTenant(tenant.tenantId)).toHaveLength(12);
  });

  it('marks the integration ERROR and pauses the schedule when ElevenLabs refuses the key, and resumes', async () => {
    const tenant = await monitoredTenant(m);
    const admin = await adminOf(tenant.tenantId);
    const syncs = createConversationSyncClient(m.h.client, m.h.target, { everyMs: 60 * 60_000 });
    await m.elevenlabs.revokeKey(tenant.apiKey);
    try {
      // A schedule made for an active key runs once at once: here with a key ElevenLabs no longer accepts.
      await syncs.follow({ tenantId: tenant.tenantId, active: true });
      const refused = await eventually(
        () => integrationOf(tenant.tenantId),
        (integration) => integration.status === 'error',
        { what: 'the integration marked ERROR' },
      );
      expect(refused.lastSyncError).toMatch(/^elevenlabs: /);
      const paused = await eventually(
        () => status(admin),
        (view) => view.paused && view.running === null,
      );
      expect(paused).toMatchObject({
        scheduled: false,
        nextSyncAt: null,
        lastError: refused.lastSyncError,
        temporalUrl: expect.stringContaining(`/schedules/elevenlabs-sync-${tenant.tenantId}`),
      });
      const audit = await inScope(m.h.orm, { system: 'test' }, (em) =>
        em.find(AuditLog, { tenantId: tenant.tenantId, action: 'integration.key_refused' }),
      );
      expect(audit).toHaveLength(1);

      // The tenant saves a working key: following it again resumes the schedule.
      const { apiKey } = await m.elevenlabs.createKey(tenant.accountId);
      const box = createSecretBox(TEST_SECRET);
      await inScope(m.h.orm, { system: 'test' }, (em) =>
        em.nativeUpdate(
          Integration,
          { id: tenant.integrationId },
          { status: 'active', secretCiphertext: box.seal(apiKey, apiKeyContext(tenant.integrationId)) },
        ),
      );
      // A schedule takes its unpause as a signal to its own workflow, so a describe right after may still see it
      // paused; following again is idempotent. (A refused run ending now no longer re-pauses it: see the next test.)
      const resumed = await eventually(
        async () => {
          await syncs.follow({ tenantId: tenant.tenantId, active: true });
          return status(admin);
        },
        (view) => view.scheduled && !view.paused,
        { what: 'the schedule resumed', intervalMs: 1_000 },
      );
      expect(resumed).toMatchObject({ scheduled: true, paused: false, nextSyncAt: expect.any(String) });
    } finally {
      await syncs.remove(tenant.tenantId);
    }
    expect(await status(admin)).toMatchObject({ scheduled: false, paused: false, temporalUrl: null });
  });

  it('leaves a key saved while a refused run was ending in force: no ERROR mark, no pause', async () => {
    const tenant = await monitoredTenant(m);
    const scheduleCalls: string[] = [];
    const activities = createConversationSyncActivities({
      ...activityDeps(
        m.h.orm,
        createLogMailer(() => undefined),
        m.sim.url,
        { url: `${m.sim.url}/elevenlabs` },
      ),
      conversations: { deliver: async () => undefined },
      syncSchedules: {
        pause: async (tenantId) => void scheduleCalls.push(`pause ${tenantId}`),
        resume: async (tenantId) => void scheduleCalls.push(`resume ${tenantId}`),
      },
    });
    await m.elevenlabs.revokeKey(tenant.apiKey);
    const page = { tenantId: tenant.tenantId, after: new Date(0).toISOString(), cursor: null, pageSize: 10 };
    const refusal = await activities.syncConversationPage(page).then(
      () => null,
      (error: ApplicationFailure) => error,
    );
    expect(refusal).toMatchObject({ type: 'ElevenLabsKeyRefused', nonRetryable: true });
    const [{ keyFingerprint }] = refusal!.details as [{ keyFingerprint: string }];
    expect(keyFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(refusal!.details)).not.toContain(tenant.apiKey);

    // The tenant saves a working key before the run gets to act on the refusal.
    const { apiKey } = await m.elevenlabs.createKey(tenant.accountId);
    await inScope(m.h.orm, { system: 'test' }, (em) =>
      em.nativeUpdate(
        Integration,
        { id: tenant.integrationId },
        {
          status: 'active',
          secretCiphertext: createSecretBox(TEST_SECRET).seal(apiKey, apiKeyContext(tenant.integrationId)),
        },
      ),
    );
    const refused = { outcome: 'key_refused' as const, watermark: null, found: 0, error: 'elevenlabs: 401' };
    await activities.pauseConversationSync({ tenantId: tenant.tenantId, note: 'refused', keyFingerprint });
    await activities.recordSyncResult({ tenantId: tenant.tenantId, result: { ...refused, keyFingerprint } });

    expect(scheduleCalls).toEqual([]);
    expect(await integrationOf(tenant.tenantId)).toMatchObject({ status: 'active', lastSyncError: refused.error });

    // The same refusal while the refused key is still held pauses and marks ERROR, as before.
    await m.elevenlabs.revokeKey(apiKey);
    const second = await activities.syncConversationPage(page).then(
      () => null,
      (error: ApplicationFailure) => error,
    );
    const [{ keyFingerprint: held }] = second!.details as [{ keyFingerprint: string }];
    expect(held).not.toBe(keyFingerprint);
    await activities.pauseConversationSync({ tenantId: tenant.tenantId, note: 'refused', keyFingerprint: held });
    await activities.recordSyncResult({ tenantId: tenant.tenantId, result: { ...refused, keyFingerprint: held } });

    expect(scheduleCalls).toEqual([`pause ${tenant.tenantId}`]);
    expect(await integrationOf(tenant.tenantId)).toMatchObject({ status: 'error' });
  });

  it('resumes the schedule it just paused when a new key was saved while it paused', async () => {
    const tenant = await monitoredTenant(m);
    const refusedKey = keyFingerprint((await integrationOf(tenant.tenantId)).secretCiphertext);
    const scheduleCalls: string[] = [];
    const saveNewKey = async () => {
      const { apiKey } = await m.elevenlabs.createKey(tenant.accountId);
      const sealed = createSecretBox(TEST_SECRET).seal(apiKey, apiKeyContext(tenant.integrationId));
      await inScope(m.h.orm, { system: 'test' }, (em) =>
        em.nativeUpdate(Integration, { id: tenant.integrationId }, { status: 'active', secretCiphertext: sealed }),
      );
    };
    const activities = createConversationSyncActivities({
      ...activityDeps(
        m.h.orm,
        createLogMailer(() => undefined),
        m.sim.url,
        { url: `${m.sim.url}/elevenlabs` },
      ),
      conversations: { deliver: async () => undefined },
      syncSchedules: {
        // The tenant's save lands after the first look found the refused key still held, before the pause.
        pause: async (tenantId) => {
          scheduleCalls.push(`pause ${tenantId}`);
          await saveNewKey();
        },
        resume: async (tenantId, note) => void scheduleCalls.push(`resume ${tenantId}: ${note}`),
      },
    });

    await activities.pauseConversationSync({ tenantId: tenant.tenantId, note: 'refused', keyFingerprint: refusedKey });

    expect(scheduleCalls).toEqual([
      `pause ${tenant.tenantId}`,
      `resume ${tenant.tenantId}: The ElevenLabs key was replaced`,
    ]);
  });

  it('waits as long as a 429 asks, shows the run under way, then finds what is there', async () => {
    const tenant = await monitoredTenant(m);
    const admin = await adminOf(tenant.tenantId);
    await silentConversations(m, tenant, { count: 3 });
    const listed = () => m.sim.state.requestCounts['elevenlabs.listConversations'] ?? 0;
    const before = listed();
    // ElevenLabs asks to come back in three seconds (`retry-after: 3`).
    await simControl(m.sim.url).fault({
      operation: 'elevenlabs.listConversations',
      mode: 'fail',
      status: 429,
      delayMs: 3_000,
    });
    const startedAt = Date.now();
    const { workflowId } = await syncNow(admin);
    const during = await eventually(
      () => status(admin),
      (view) => view.running !== null,
    );
    expect(during.running).toEqual({ workflowId, pages: 0, seen: 0, found: 0 });
    expect(await syncResult(workflowId)).toMatchObject({ outcome: 'synced', seen: 3, found: 3 });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(3_000);
    expect(listed() - before).toBe(2);
    await eventually(
      () => callLogsOfTenant(tenant.tenantId),
      (logs) => logs.length === 3,
    );
  });

  it('answers 404 without an integration, 403 to members and support for sync now, and asks staff for a tenant', async () => {
    const tenant = await makeTenant(m.h.orm);
    const admin = await adminOf(tenant.id);
    expect((await m.h.app.inject({ url: '/api/integrations/sync', headers: admin })).statusCode).toBe(404);
    expect((await m.h.app.inject({ method: 'POST', url: '/api/integrations/sync', headers: admin })).statusCode).toBe(
      404,
    );

    const monitored: MonitoredTenant = await monitoredTenant(m);
    const member = await bearerFor(m.h.app, await makeUser(m.h.orm, 'customer_user', monitored.tenantId));
    const support = await bearerFor(m.h.app, await makeUser(m.h.orm, 'support', null));
    expect((await m.h.app.inject({ url: '/api/integrations/sync', headers: member })).statusCode).toBe(403);
    expect((await m.h.app.inject({ method: 'POST', url: '/api/integrations/sync', headers: member })).statusCode).toBe(
      403,
    );
    expect((await m.h.app.inject({ method: 'POST', url: '/api/integrations/sync', headers: support })).statusCode).toBe(
      403,
    );
    const unnamed = await m.h.app.inject({ url: '/api/integrations/sync', headers: support });
    expect(unnamed.statusCode).toBe(400);
    expect(await status(support, `?tenantId=${monitored.tenantId}`)).toMatchObject({ scheduled: false, running: null });
    // Another tenant's admin cannot read it.
    const stranger = await adminOf(tenant.id);
    const peek = await m.h.app.inject({
      url: `/api/integrations/sync?tenantId=${monitored.tenantId}`,
      headers: stranger,
    });
    expect(peek.statusCode).toBe(404);
  });

  it('answers 503 where ElevenLabs is not wired', async () => {
    const bare = await createHarness();
    try {
      const tenant = await makeTenant(bare.orm);
      const admin = await bearerFor(bare.app, await makeUser(bare.orm, 'customer_admin', tenant.id));
      const response = await bare.app.inject({ url: '/api/integrations/sync', headers: admin });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await bare.close();
    }
  });
});

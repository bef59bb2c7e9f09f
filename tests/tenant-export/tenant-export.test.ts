import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import type { TenantExportView } from '../../contracts/tenant-export';
import { inScope } from '../../db/scope';
import { createDiskAudioStore } from '../../activities/adapters/audio-store-disk';
import { exportArchiveKey } from '../../domain/tenant-export/export-keys';
import { EXPORT_TABLES } from '../../domain/tenant-export/export-tables';
import { platformWorkflows } from '../support/workflow-bundle';
import { exportProgressQuery, tenantExportExpiryWorkflowId } from '../../workflows/export-tenant';
import { eventually } from '../support/eventually';
import { makeMonitoredAgent, makeWorld, subscribeTenant } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';
import { readZip } from '../support/read-zip';

/** Short, so the expiry workflow deletes the archive while the suite waits; counted from when it is ready. */
const RETENTION_MS = 12_000;
/** More than one batch (500 rows), so a table is written in several pieces. */
const USAGE_ROWS = 1_100;
const FIXTURES = path.join(__dirname, '..', 'fixtures');

type World = Awaited<ReturnType<typeof makeWorld>>;

/** A tenant's data in every exported table, each value carrying the tenant's own marker. */
async function seedTenant(h: Harness, world: World, marker: string) {
  const tenantId = world.tenant.id;
  await subscribeTenant(h.orm, tenantId, 'pro');
  const agent = await makeMonitoredAgent(h.orm, {
    tenantId,
    apiKey: `sk_${marker}_${randomUUID()}`,
    externalAgentId: `agent_${marker}`,
    agentName: `Agent ${marker}`,
  });
  const botId = randomUUID();
  const ticketId = randomUUID();
  const invoiceId = randomUUID();
  await inScope(h.orm, { system: 'test' }, async (em) => {
    await em.execute(
      `insert into bots (id, tenant_id, name, status, locale, voice, greeting) values (?, ?, ?, 'ready', 'de-AT', 'v', ?)`,
      [botId, tenantId, `Bot ${marker}`, `Hallo von ${marker}`],
    );
    await em.execute(
      `insert into usage_events (id, tenant_id, bot_id, kind, quantity, occurred_at, idempotency_key, source)
       select gen_random_uuid(), ?, ?, 'minutes', 1, now() - g * interval '1 minute', ? || ':' || g, 'test'
       from generate_series(1, ?) g`,
      [tenantId, botId, `usage-${marker}`, USAGE_ROWS],
    );
    await em.execute(
      `insert into invoices (id, tenant_id, period_start, period_end, status, currency, total_cents)
       values (?, ?, '2026-10-01', '2026-10-31', 'paid', 'EUR', 4200)`,
      [invoiceId, tenantId],
    );
    await em.execute(
      `insert into invoice_lines (id, tenant_id, invoice_id, kind, description, quantity, unit_price_cents, amount_cents,
         source_period) values (gen_random_uuid(), ?, ?, 'fee', ?, 1, 4200, 4200, '2026-10')`,
      [tenantId, invoiceId, `Fee ${marker}`],
    );
    await em.execute(
      `insert into support_tickets (id, tenant_id, author_user_id, subject, body, status) values (?, ?, ?, ?, 'b', 'open')`,
      [ticketId, tenantId, world.users.customer_admin.id, `Ticket ${marker}`],
    );
    await em.execute(
      `insert into support_ticket_messages (id, tenant_id, ticket_id, body) values (gen_random_uuid(), ?, ?, ?)`,
      [tenantId, ticketId, `Message ${marker}`],
    );
    await em.execute(
      `insert into call_logs (id, tenant_id, agent_id, provider, external_call_id, status, started_at, transcript,
         audio_key) values (gen_random_uuid(), ?, ?, 'elevenlabs', ?, 'completed', now(), ?::jsonb, ?)`,
      [
        tenantId,
        agent.agentRowId,
        `conv_${marker}`,
        JSON.stringify([{ role: 'user', message: `Transcript ${marker}` }]),
        `${tenantId}/conv_${marker}.mp3`,
      ],
    );
  });
  return { ...agent, botId, ticketId, invoiceId, marker };
}

describe('tenant data export', () => {
  let h: Harness;
  let a: World;
  let b: World;
  let seededA: Awaited<ReturnType<typeof seedTenant>>;
  let seededB: Awaited<ReturnType<typeof seedTenant>>;
  let ready: TenantExportView;
  let zip: Buffer;

  beforeAll(async () => {
    h = await createHarness({ worker: true, exportRetentionMs: RETENTION_MS });
    a = await makeWorld(h.orm, h.app);
    b = await makeWorld(h.orm, h.app);
    seededA = await seedTenant(h, a, `A${randomUUID().slice(0, 8)}`);
    seededB = await seedTenant(h, b, `B${randomUUID().slice(0, 8)}`);
  }, 180_000);
  afterAll(() => h?.close());

  const listOf = async (world: World, tenantId: string) =>
    h.app.inject({ url: `/api/tenants/${tenantId}/exports`, headers: world.headers.customer_admin });

  it('exports tenant A for its customer admin through the workflow, progress reaching done', async () => {
    const started = await h.app.inject({
      method: 'POST',
      url: `/api/tenants/${a.tenant.id}/exports`,
      headers: a.headers.customer_admin,
      payload: {},
    });
    expect(started.statusCode).toBe(202);
    const requested = started.json<TenantExportView>();
    expect(requested).toMatchObject({ tenantId: a.tenant.id, downloadUrl: null });
    expect(requested.workflowId).toBe(`tenant-export-${requested.id}`);

    ready = await eventually(
      async () => (await listOf(a, a.tenant.id)).json<{ items: TenantExportView[] }>().items[0]!,
      (view) => view.status === 'ready' || view.status === 'failed',
      { intervalMs: 100, what: 'the export to be ready' },
    );
    expect(ready.status).toBe('ready');
    const latest = await h.app.inject({
      url: `/api/tenants/${a.tenant.id}/export`,
      headers: a.headers.platform_admin,
    });
    expect(latest.json()).toMatchObject({ id: requested.id, status: 'ready', downloadUrl: ready.downloadUrl });
    // The link goes first: its retention is short on purpose.
    const download = await h.app.inject({ url: ready.downloadUrl! });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="tenant-export-.*\.zip"$/);
    zip = download.rawPayload;
    expect(zip.length).toBe(ready.bytes);

    expect(ready.tablesDone).toBe(ready.tablesTotal);
    expect(ready.tablesTotal).toBeGreaterThanOrEqual(EXPORT_TABLES.filter((t) => !t.optional).length);
    const handle = h.client.workflow.getHandle(requested.workflowId);
    expect(await handle.result()).toEqual({ exportId: requested.id, files: ready.files, bytes: ready.bytes });
    expect(await handle.query(exportProgressQuery)).toEqual({
      step: 'done',
      tablesDone: ready.tablesTotal,
      tablesTotal: ready.tablesTotal,
    });
  });

  it('holds one file per table with A’s rows, all of them', () => {
    const files = readZip(zip);
    expect(files.size).toBe(ready.files);
    for (const table of EXPORT_TABLES.filter((t) => !t.optional)) expect(files.has(table.file)).toBe(true);
    const json = (name: string) => JSON.parse(files.get(name)!.toString('utf8')) as Array<Record<string, unknown>>;

    expect(json('tenant.json')).toEqual([expect.objectContaining({ id: a.tenant.id, name: a.tenant.name })]);
    expect(json('users.json').map((u) => u.email)).toEqual(
      expect.arrayContaining([a.users.customer_admin.email, a.users.customer_user.email]),
    );
    expect(json('bots.json')).toEqual([expect.objectContaining({ id: seededA.botId })]);
    // Three pieces of 500, 500 and 100 rows, read back as one array.
    expect(json('usage-events.json')).toHaveLength(USAGE_ROWS);
    expect(new Set(json('usage-events.json').map((row) => row.id)).size).toBe(USAGE_ROWS);
    expect(json('usage-daily.json').reduce((sum, row) => sum + Number(row.quantity), 0)).toBe(USAGE_ROWS);
    expect(json('invoices.json')).toEqual([expect.objectContaining({ id: seededA.invoiceId })]);
    expect(json('invoice-lines.json')).toHaveLength(1);
    expect(json('support-tickets.json')).toEqual([expect.objectContaining({ id: seededA.ticketId })]);
    expect(json('support-ticket-messages.json')).toHaveLength(1);
    expect(json('subscriptions.json').length).toBeGreaterThanOrEqual(1);
    expect(json('agents.json')).toEqual([expect.objectContaining({ id: seededA.agentRowId })]);
    expect(json('integrations.json')).toEqual([
      expect.objectContaining({ id: seededA.integrationId, provider: 'elevenlabs', status: 'active' }),
    ]);
    expect(json('call-logs.json')).toEqual([expect.objectContaining({ transcript: expect.any(Array) })]);
    expect(json('settings.json')).toEqual([expect.objectContaining({ tenant_id: a.tenant.id })]);
    expect(json('audit-log.json').map((row) => row.action)).toContain('tenant_export.requested');
  });

  it('holds not one byte of tenant B', async () => {
    const text = Buffer.concat([...readZip(zip).values()]).toString('utf8');
    const ids = await inScope(h.orm, { tenantId: b.tenant.id }, (em) =>
      em.execute<Array<{ id: string }>>(
        `select id::text from users where tenant_id = ? union all select id::text from usage_events where tenant_id = ?
         union all select id::text from call_logs where tenant_id = ? union all select id::text from subscriptions
         where tenant_id = ?`,
        [b.tenant.id, b.tenant.id, b.tenant.id, b.tenant.id],
      ),
    );
    const markers = [
      b.tenant.id,
      b.tenant.name,
      b.tenant.slug,
      b.tenant.contactEmail,
      b.users.customer_admin.email,
      b.users.customer_user.email,
      seededB.botId,
      seededB.ticketId,
      seededB.invoiceId,
      seededB.agentRowId,
      seededB.integrationId,
      seededB.marker,
      ...ids.map((row) => row.id),
    ];
    expect(ids.length).toBeGreaterThan(USAGE_ROWS);
    expect(markers.filter((marker) => text.includes(marker))).toEqual([]);
  });

  it('holds no password hash, sealed key, token or secret', async () => {
    const files = readZip(zip);
    const text = Buffer.concat([...files.values()]).toString('utf8');
    const secrets = await inScope(h.orm, { tenantId: a.tenant.id }, (em) =>
      em.execute<Array<{ value: string }>>(
        `select password_hash as value from users where tenant_id = ? and password_hash is not null
         union all select secret_ciphertext from integrations where tenant_id = ?
         union all select webhook_secret_ciphertext from integrations where tenant_id = ?
         union all select webhook_token from integrations where tenant_id = ?`,
        [a.tenant.id, a.tenant.id, a.tenant.id, a.tenant.id],
      ),
    );
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    expect(secrets.filter(({ value }) => text.includes(value))).toEqual([]);
    expect(text).not.toContain(seededA.webhookSecret);
    expect(text).not.toContain(`sk_${seededA.marker}`);
    expect(text).not.toMatch(/\$argon2/);
    expect(text).not.toMatch(/"[a-z_]*(password|secret|token|cipher)[a-z_]*":/);
    expect(text).not.toContain('audio_key');
    // The link's own token is never part of the export either.
    expect(text).not.toContain(new URL(ready.downloadUrl!, 'http://x').searchParams.get('token')!);
  });

  it('lets no one of tenant B export, list or download A’s data', async () => {
    const probes = [
      { method: 'POST' as const, url: `/api/tenants/${a.tenant.id}/exports`, payload: {} },
      { method: 'GET' as const, url: `/api/tenants/${a.tenant.id}/exports` },
      { method: 'GET' as const, url: `/api/tenants/${a.tenant.id}/export` },
    ];
    for (const probe of probes) {
      const response = await h.app.inject({ ...probe, headers: b.headers.customer_admin });
      expect({ url: probe.url, status: response.statusCode }).toEqual({ url: probe.url, status: 404 });
      expect(response.body).not.toContain(a.tenant.name);
    }
    // B's own export: its link's token does not open A's archive, and a made-up token opens nothing.
    const own = await h.app.inject({
      method: 'POST',
      url: `/api/tenants/${b.tenant.id}/exports`,
      headers: b.headers.customer_admin,
      payload: { retentionDays: 1 },
    });
    expect(own.statusCode).toBe(202);
    for (const token of ['A'.repeat(43), 'not-the-right-token-at-all-000000']) {
      const response = await h.app.inject({
        url: `/api/exports/${ready.id}/download?token=${token}`,
        headers: b.headers.customer_admin,
      });
      expect(response.statusCode).toBe(404);
    }
    const unknown = await h.app.inject({ url: `/api/exports/${randomUUID()}/download?token=${'x'.repeat(43)}` });
    expect(unknown.statusCode).toBe(404);
    // Within A only the admin exports.
    const user = await h.app.inject({
      method: 'POST',
      url: `/api/tenants/${a.tenant.id}/exports`,
      headers: a.headers.customer_user,
      payload: {},
    });
    expect(user.statusCode).toBe(403);
  });

  it('answers 410 once the retention is over, the archive deleted and the export marked expired', async () => {
    const store = createDiskAudioStore(path.join(tmpdir(), `voiceplane-audio-${h.target.taskQueue}`));
    const expired = await eventually(
      async () => (await listOf(a, a.tenant.id)).json<{ items: TenantExportView[] }>().items,
      (items) => items.find((item) => item.id === ready.id)?.status === 'expired',
      { timeoutMs: RETENTION_MS + 20_000, intervalMs: 250, what: 'the export to expire' },
    );
    expect(expired.find((item) => item.id === ready.id)?.downloadUrl).toBeNull();
    expect((await h.app.inject({ url: ready.downloadUrl! })).statusCode).toBe(410);
    const expiry = h.client.workflow.getHandle(tenantExportExpiryWorkflowId(ready.id));
    expect(await expiry.result()).toBe('expired');
    await expect(store.size(exportArchiveKey(ready.id))).resolves.toBeNull();
    const row = await inScope(h.orm, { tenantId: a.tenant.id }, (em) =>
      em.execute<Array<{ status: string; download_token_hash: string | null }>>(
        'select status, download_token_hash from tenant_exports where id = ?',
        [ready.id],
      ),
    );
    expect(row).toEqual([{ status: 'expired', download_token_hash: expect.any(String) }]);
    // Only the link's own token learns that it expired; any other still gets 404.
    expect((await h.app.inject({ url: `/api/exports/${ready.id}/download?token=${'A'.repeat(43)}` })).statusCode).toBe(
      404,
    );
    const audit = await inScope(h.orm, { tenantId: a.tenant.id }, (em) =>
      em.execute<Array<{ action: string }>>(
        `select action from audit_log where target_type = 'tenant_export' and target_id = ? order by created_at`,
        [ready.id],
      ),
    );
    expect(audit.map((entry) => entry.action)).toEqual([
      'tenant_export.requested',
      'tenant_export.ready',
      'tenant_export.downloaded',
      'tenant_export.expired',
    ]);
  }, 60_000);

  it('replays the export and expiry runs, and histories recorded with an earlier build', async () => {
    for (const [fixture, workflowId] of [
      ['tenant-export.history.bin', ready.workflowId],
      ['tenant-export-expiry.history.bin', tenantExportExpiryWorkflowId(ready.id)],
    ] as const) {
      const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
      const file = path.join(FIXTURES, fixture);
      if (process.env.RECORD_HISTORIES) writeFileSync(file, temporal.api.history.v1.History.encode(history).finish());
      await expect(Worker.runReplayHistory(platformWorkflows(), history, workflowId)).resolves.toBeUndefined();
      expect(existsSync(file)).toBe(true);
      const recorded = temporal.api.history.v1.History.decode(readFileSync(file));
      await expect(Worker.runReplayHistory(platformWorkflows(), recorded)).resolves.toBeUndefined();
    }
  }, 60_000);
});

import { AuditLog, Integration } from '../../db/entities';
import { inScope } from '../../db/scope';
import { loadElevenLabsCredentials } from '../../domain/integrations/elevenlabs-credentials';
import { apiKeyContext, webhookSecretContext } from '../../domain/integrations/sealed-contexts';
import { createSecretBox } from '../../domain/secrets/secret-box';
import { useElevenLabsSimulator } from '../../sim/elevenlabs/test-simulator';
import { bearerFor, makeUser } from '../support/factories';
import { TEST_SECRET } from '../support/harness';
import { makeCustomer, monitoringHarness, type Headers } from './monitoring-support';

const WEBHOOK_SECRET = 'wsec_0123456789abcdef0123456789abcdef';

/**
 * `/api/integrations`: a tenant's own ElevenLabs key, sealed at rest, tested against the ElevenLabs simulator, and
 * shown only as a hint: never in a response, never in the log.
 */
describe('ElevenLabs integration API', () => {
  const sim = useElevenLabsSimulator();
  let world: Awaited<ReturnType<typeof monitoringHarness>>;
  /** Every key and secret these tests sent, to look for afterwards in responses and the log. */
  const secretsSent = new Set<string>([WEBHOOK_SECRET]);

  beforeAll(async () => {
    world = await monitoringHarness(sim.baseUrl);
  });
  afterAll(() => world.h.close());

  const save = (headers: Headers, payload: Record<string, unknown>) => {
    for (const value of Object.values(payload)) if (typeof value === 'string') secretsSent.add(value.trim());
    return world.call(headers, { method: 'POST', url: '/api/integrations', payload });
  };
  const test = (headers: Headers) =>
    world.call(headers, { method: 'POST', url: '/api/integrations/test', payload: {} });
  const view = (headers: Headers, query = '') => world.call(headers, { url: `/api/integrations${query}` });
  const rowOf = (tenantId: string) =>
    inScope(world.h.orm, { system: 'test' }, (em) =>
      em.findOneOrFail(Integration, { tenantId, provider: 'elevenlabs' }, { refresh: true }),
    );
  /** A tenant whose key for a fresh simulator workspace (optionally restricted) is saved. */
  const connected = async (permissions?: Array<'user_read' | 'convai_read'>) => {
    const customer = await makeCustomer(world.h);
    const workspace = await sim.workspace({ permissions });
    expect((await save(customer.admin, { apiKey: workspace.apiKey })).statusCode).toBe(201);
    return { ...customer, workspace };
  };

  it('seals the key and webhook secret at rest and answers only hints and the tenant’s webhook URL', async () => {
    const { tenant, admin } = await makeCustomer(world.h);
    const { apiKey } = await sim.workspace();
    const saved = await save(admin, { apiKey: `  ${apiKey}\n`, webhookSecret: WEBHOOK_SECRET });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toEqual({
      id: expect.any(String),
      tenantId: tenant.id,
      provider: 'elevenlabs',
      status: 'unverified',
      keyHint: `••••${apiKey.slice(-4)}`,
      webhookSecretHint: '••••cdef',
      webhookUrl: expect.stringMatching(/^http:\/\/localhost:3000\/api\/webhooks\/elevenlabs\/[0-9a-f]{32}$/),
      lastCheckedAt: null,
      lastError: null,
      checkDetail: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const row = await rowOf(tenant.id);
    expect(row.secretCiphertext).not.toContain(apiKey);
    expect(row.secretCiphertext).toMatch(/^v1:/);
    expect(row.webhookSecretCiphertext).not.toContain(WEBHOOK_SECRET);
    expect(saved.json().webhookUrl).toBe(`http://localhost:3000/api/webhooks/elevenlabs/${row.webhookToken}`);
    const box = createSecretBox(TEST_SECRET);
    expect(box.open(row.secretCiphertext, apiKeyContext(row.id))).toBe(apiKey);
    expect(box.open(row.webhookSecretCiphertext!, webhookSecretContext(row.id))).toBe(WEBHOOK_SECRET);
    expect(() => box.open(row.secretCiphertext, webhookSecretContext(row.id))).toThrow();
    expect(await loadElevenLabsCredentials({ orm: world.h.orm, secretBox: box }, { tenantId: tenant.id })).toEqual({
      integrationId: row.id,
      tenantId: tenant.id,
      status: 'unverified',
      apiKey,
      keyFingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
    });

    expect((await view(admin)).json()).toEqual(saved.json());
    const audits = await inScope(world.h.orm, { system: 'test' }, (em) =>
      em.find(AuditLog, { tenantId: tenant.id, targetType: 'integration' }),
    );
    expect(audits.map((audit) => [audit.action, audit.details])).toEqual([
      ['integration.created', { provider: 'elevenlabs', keyChanged: true, webhookSecretChanged: true }],
    ]);
  });

  it('records a full key as ACTIVE with the account’s plan', async () => {
    const { admin } = await connected();
    const tested = await test(admin);
    expect(tested.statusCode).toBe(200);
    expect(tested.json()).toMatchObject({
      status: 'active',
      lastError: null,
      checkDetail: { tier: 'creator', limitations: [] },
    });
    expect(Date.now() - Date.parse(tested.json().lastCheckedAt)).toBeLessThan(60_000);
  });

  it('records a key restricted to Agents as ACTIVE, saying what it cannot show', async () => {
    const { admin } = await connected(['convai_read']);
    const tested = (await test(admin)).json();
    expect(tested).toMatchObject({ status: 'active', lastError: null, checkDetail: { tier: null } });
    expect(tested.checkDetail.limitations).toEqual([expect.stringContaining('"user_read" permission')]);
  });

  it('records ERROR with a readable reason for a key ElevenLabs refuses or that lacks a permission', async () => {
    const invalid = await makeCustomer(world.h);
    await save(invalid.admin, { apiKey: 'sk_never_issued_by_elevenlabs' });
    expect((await test(invalid.admin)).json()).toMatchObject({
      status: 'error',
      lastError: expect.stringMatching(/^ElevenLabs refused the key \(invalid or revoked\)/),
      checkDetail: null,
    });

    const noAgents = await connected(['user_read']);
    expect((await test(noAgents.admin)).json()).toMatchObject({
      status: 'error',
      lastError: expect.stringContaining('lacks the "convai_read" permission'),
    });

    const revoked = await connected();
    expect((await test(revoked.admin)).json().status).toBe('active');
    await sim.elevenlabs.revokeKey(revoked.workspace.apiKey);
    expect((await test(revoked.admin)).json()).toMatchObject({
      status: 'error',
      lastError: expect.stringContaining('invalid or revoked'),
    });
  });

  it('answers 503 when ElevenLabs fails, keeping an ACTIVE key ACTIVE and its last check as it was', async () => {
    const { admin } = await connected();
    const before = (await test(admin)).json();
    await sim.control.fault({ operation: 'elevenlabs.getUser', mode: 'fail', status: 503 });
    const outage = await test(admin);
    expect(outage.statusCode).toBe(503);
    expect(outage.headers['content-type']).toContain('application/problem+json');
    expect(outage.json().detail).toMatch(/^ElevenLabs did not answer: HTTP 503/);
    expect((await view(admin)).json()).toMatchObject({ status: 'active', lastCheckedAt: before.lastCheckedAt });
  });

  it('resets a replaced key to unverified, while saving only a webhook secret keeps the verdict', async () => {
    const { tenant, admin } = await connected();
    const active = (await test(admin)).json();
    const secretOnly = await save(admin, { webhookSecret: 'wsec_second_secret_value_9876' });
    expect(secretOnly.statusCode).toBe(200);
    expect(secretOnly.json()).toMatchObject({
      status: 'active',
      keyHint: active.keyHint,
      webhookSecretHint: '••••9876',
    });

    const { apiKey } = await sim.workspace();
    const replaced = await save(admin, { apiKey });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      id: active.id,
      webhookUrl: active.webhookUrl,
      status: 'unverified',
      keyHint: `••••${apiKey.slice(-4)}`,
      webhookSecretHint: '••••9876',
      lastCheckedAt: null,
      checkDetail: null,
    });
    const row = await rowOf(tenant.id);
    expect(createSecretBox(TEST_SECRET).open(row.secretCiphertext, apiKeyContext(row.id))).toBe(apiKey);
  });

  it('refuses keys with spaces, of the wrong length, unknown fields and a first save without a key', async () => {
    const { admin } = await makeCustomer(world.h);
    for (const [payload, path] of [
      [{ apiKey: 'sk_abc def_123456' }, 'body.apiKey'],
      [{ apiKey: 'sk_1' }, 'body.apiKey'],
      [{ apiKey: `sk_${'a'.repeat(300)}` }, 'body.apiKey'],
      [{ webhookSecret: WEBHOOK_SECRET }, 'body.apiKey'],
    ] as const) {
      const response = await save(admin, payload);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors).toEqual([expect.objectContaining({ path })]);
    }
    expect((await save(admin, { apiKey: 'sk_valid_looking_key_1', extra: 1 })).statusCode).toBe(400);
    expect((await view(admin)).statusCode).toBe(404);
    expect((await test(admin)).statusCode).toBe(404);
  });

  it('lets only the tenant’s admin change it, and nobody outside the tenant see it', async () => {
    const { tenant, admin, user } = await connected();
    const other = await makeCustomer(world.h);
    const support = await bearerFor(world.h.app, await makeUser(world.h.orm, 'support', null));

    expect((await save(user, { apiKey: 'sk_member_tries_to_save_1' })).statusCode).toBe(403);
    expect((await test(user)).statusCode).toBe(403);
    expect((await view(user)).statusCode).toBe(403);
    expect((await world.call(user, { method: 'DELETE', url: '/api/integrations' })).statusCode).toBe(403);

    expect((await view(other.admin)).statusCode).toBe(404);
    expect((await view(other.admin, `?tenantId=${tenant.id}`)).statusCode).toBe(404);

    const seenBySupport = await view(support, `?tenantId=${tenant.id}`);
    expect(seenBySupport.statusCode).toBe(200);
    expect(seenBySupport.json()).toEqual((await view(admin)).json());
    expect((await view(support)).statusCode).toBe(400);
    expect((await save(support, { apiKey: 'sk_staff_tries_to_save_1' })).statusCode).toBe(403);
  });

  it('removes the integration and its key', async () => {
    const { tenant, admin } = await connected();
    expect((await world.call(admin, { method: 'DELETE', url: '/api/integrations' })).statusCode).toBe(204);
    expect((await view(admin)).statusCode).toBe(404);
    const rows = await inScope(world.h.orm, { system: 'test' }, (em) => em.count(Integration, { tenantId: tenant.id }));
    expect(rows).toBe(0);
    expect((await world.call(admin, { method: 'DELETE', url: '/api/integrations' })).statusCode).toBe(404);
  });

  it('never wrote a key or webhook secret to a response or the log', () => {
    const log = world.logLines.join('\n');
    expect(log).toContain('/api/integrations/test');
    expect(log).toContain('ElevenLabs did not answer');
    expect(secretsSent.size).toBeGreaterThan(8);
    for (const secret of secretsSent) {
      expect(log).not.toContain(secret);
      for (const body of world.bodies) expect(body).not.toContain(secret);
    }
  });
});

import { randomBytes, randomInt } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { SIMULATOR_AUTH_TOKEN } from '../config/simulator-credentials';
import { AuditLog, Bot, ProvisioningJob, Tenant } from '../db/entities';
import { inScope } from '../db/scope';
import { resolveCallRoute } from '../domain/telephony/resolve-call-route';
import { createHarness, TEST_WEBHOOK_BASE, type Harness } from './support/harness';
import { bearerFor, makeTenant, makeUser, makeWorld } from './support/factories';
import { cookieHeader, cookiesFrom } from './support/cookies';

describe('tenant deactivation and reactivation', () => {
  let h: Harness;
  let admin: { authorization: string };
  beforeAll(async () => {
    h = await createHarness();
    admin = await bearerFor(h.app, await makeUser(h.orm, 'platform_admin', null));
  });
  afterAll(() => h.close());

  const deactivate = (tenantId: string, headers = admin, reason = 'Unpaid invoices since March') =>
    h.app.inject({ method: 'POST', url: `/api/tenants/${tenantId}/deactivate`, headers, payload: { reason } });
  const reactivate = (tenantId: string, headers = admin) =>
    h.app.inject({ method: 'POST', url: `/api/tenants/${tenantId}/reactivate`, headers });
  const login = (user: { email: string; password: string }) =>
    h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
  const statusOf = async (tenantId: string) =>
    (await inScope(h.orm, { system: 'test' }, (em) => em.findOneOrFail(Tenant, { id: tenantId }))).status;

  it('ends every session of the tenant’s users within a second: cookies, bearer tokens and refresh', async () => {
    const tenant = await makeTenant(h.orm);
    const customerAdmin = await makeUser(h.orm, 'customer_admin', tenant.id);
    const customerUser = await makeUser(h.orm, 'customer_user', tenant.id);
    const signedIn = await login(customerAdmin);
    const cookies = cookiesFrom(signedIn.headers['set-cookie']);
    const bearer = await bearerFor(h.app, customerUser);
    const viaCookie = () => h.app.inject({ url: '/api/auth/me', headers: { cookie: cookieHeader(cookies) } });
    const viaBearer = () => h.app.inject({ url: '/api/auth/me', headers: bearer });
    expect([(await viaCookie()).statusCode, (await viaBearer()).statusCode]).toEqual([200, 200]);

    const deactivated = await deactivate(tenant.id);
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json()).toMatchObject({ id: tenant.id, status: 'suspended' });
    const at = Date.now();
    const [cookieAfter, bearerAfter] = [await viaCookie(), await viaBearer()];
    expect(Date.now() - at).toBeLessThan(1000);
    expect([cookieAfter.statusCode, bearerAfter.statusCode]).toEqual([401, 401]);

    const refresh = await h.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: cookieHeader(cookies), 'x-csrf-token': cookies.vp_csrf! },
    });
    expect(refresh.statusCode).toBe(401);
    expect(refresh.headers['content-type']).toContain('application/problem+json');
    expect((await login(customerUser)).statusCode).toBe(403);
  });

  it('ends an open provisioning stream of the tenant’s user once the tenant is deactivated', async () => {
    const tenant = await makeTenant(h.orm);
    const customer = await bearerFor(h.app, await makeUser(h.orm, 'customer_admin', tenant.id));
    const botId = await inScope(h.orm, { system: 'test' }, async (em) => {
      const bot = em.create(Bot, {
        tenantId: tenant.id,
        name: 'Streaming',
        status: 'provisioning',
        locale: 'de-AT',
        voice: 'v',
        greeting: 'Hallo',
      });
      await em.flush();
      em.create(ProvisioningJob, {
        tenantId: tenant.id,
        botId: bot.id,
        kind: 'provision',
        status: 'running',
        workflowId: `provision-bot-${bot.id}`,
        steps: [],
      });
      await em.flush();
      return bot.id;
    });
    // The job never finishes: without the session check the stream would stay open until the test times out.
    const stream = h.app.inject({ url: `/api/bots/${botId}/provisioning/stream`, headers: customer });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await deactivate(tenant.id)).statusCode).toBe(200);
    const response = await stream;
    expect(response.body).toContain('event: progress');
    expect(response.body).toMatch(/event: end\ndata: \{"status":"unauthorized"\}/);
  });

  it('lets the users sign in again after reactivation, while sessions from before stay ended', async () => {
    const tenant = await makeTenant(h.orm);
    const user = await makeUser(h.orm, 'customer_admin', tenant.id);
    const before = cookiesFrom((await login(user)).headers['set-cookie']);
    await deactivate(tenant.id);

    const reactivated = await reactivate(tenant.id);
    expect(reactivated.statusCode).toBe(200);
    expect(reactivated.json()).toMatchObject({ status: 'active' });
    const signedIn = await login(user);
    expect(signedIn.statusCode).toBe(200);
    const me = await h.app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${signedIn.json().accessToken}` },
    });
    expect(me.json().tenant).toMatchObject({ id: tenant.id, status: 'active' });

    const oldRefresh = await h.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: cookieHeader(before), 'x-csrf-token': before.vp_csrf! },
    });
    expect(oldRefresh.statusCode).toBe(401);
  });

  it('records who deactivated and reactivated the tenant, and why, in the audit trail', async () => {
    const tenant = await makeTenant(h.orm);
    await makeUser(h.orm, 'customer_user', tenant.id).then(login);
    await deactivate(tenant.id, admin, 'Fraud report #4711');
    await h.app.inject({
      method: 'POST',
      url: `/api/tenants/${tenant.id}/reactivate`,
      headers: admin,
      payload: { reason: 'Cleared by the risk team' },
    });
    const rows = await inScope(h.orm, { system: 'test' }, (em) =>
      em.find(AuditLog, { targetId: tenant.id, targetType: 'tenant' }, { orderBy: { createdAt: 'asc' } }),
    );
    expect(rows.map((row) => [row.action, row.actorRole, row.tenantId])).toEqual([
      ['tenant.transition', 'platform_admin', tenant.id],
      ['tenant.transition', 'platform_admin', tenant.id],
    ]);
    expect(rows[0]!.details).toEqual({
      from: 'active',
      to: 'suspended',
      cause: 'suspend',
      reason: 'Fraud report #4711',
      revokedRefreshTokens: 1,
    });
    expect(rows[1]!.details).toEqual({
      from: 'suspended',
      to: 'active',
      cause: 'reactivate',
      reason: 'Cleared by the risk team',
    });
  });

  it('answers 409 problem+json to changes the tenant’s status does not allow', async () => {
    const tenant = await makeTenant(h.orm);
    const pending = await makeTenant(h.orm, { status: 'pending_verification' });
    const conflicts = [
      await reactivate(tenant.id),
      await deactivate(pending.id),
      await reactivate(pending.id),
      await deactivate(tenant.id).then(() => deactivate(tenant.id)),
    ];
    for (const response of conflicts) {
      expect(response.statusCode).toBe(409);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(conflicts[3]!.json().detail).toBe('The organisation is suspended; it cannot become suspended');
    expect([await statusOf(tenant.id), await statusOf(pending.id)]).toEqual(['suspended', 'pending_verification']);
  });

  it('requires a reason to deactivate', async () => {
    const tenant = await makeTenant(h.orm);
    const response = await h.app.inject({
      method: 'POST',
      url: `/api/tenants/${tenant.id}/deactivate`,
      headers: admin,
      payload: {},
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.reason');
  });

  it('lets only platform admins deactivate or reactivate, and hides other tenants', async () => {
    const world = await makeWorld(h.orm, h.app);
    for (const role of ['customer_admin', 'customer_user', 'support'] as const) {
      const response = await deactivate(world.tenant.id, world.headers[role]);
      expect({ role, status: response.statusCode }).toEqual({ role, status: 403 });
      expect((await reactivate(world.tenant.id, world.headers[role])).statusCode).toBe(403);
    }
    const otherTenant = await makeTenant(h.orm);
    expect((await deactivate(otherTenant.id, world.headers.customer_admin)).statusCode).toBe(404);
    expect([await statusOf(world.tenant.id), await statusOf(otherTenant.id)]).toEqual(['active', 'active']);
  });

  it('refuses Twilio webhooks for a suspended tenant’s numbers with 403', async () => {
    const tenant = await makeTenant(h.orm);
    const number = `+4312${randomInt(1_000_000, 10_000_000)}`;
    await inScope(h.orm, { system: 'test' }, async (em) => {
      em.create(Bot, {
        tenantId: tenant.id,
        name: 'Hotline',
        status: 'ready',
        locale: 'de-AT',
        voice: 'elevenlabs:Rachel',
        greeting: 'Servus!',
        twilioNumber: number,
        appUrl: 'https://vp-hotline.herokuapp.com/',
      });
      await em.flush();
    });
    const incoming = () => {
      const params = {
        CallSid: `CA${randomBytes(16).toString('hex')}`,
        To: number,
        From: '+4311',
        CallStatus: 'ringing',
      };
      return h.app.inject({
        method: 'POST',
        url: '/telephony/incoming',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': getExpectedTwilioSignature(
            SIMULATOR_AUTH_TOKEN,
            `${TEST_WEBHOOK_BASE}/telephony/incoming`,
            params,
          ),
        },
        payload: new URLSearchParams(params).toString(),
      });
    };
    expect((await incoming()).statusCode).toBe(200);

    await deactivate(tenant.id);
    expect(await resolveCallRoute(h, number)).toMatchObject({ kind: 'refuse', reason: 'tenant_suspended' });
    const refused = await incoming();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
  });
});

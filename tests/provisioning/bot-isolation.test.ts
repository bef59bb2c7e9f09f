import { Bot, ProvisioningJob } from '../../db/entities';
import { inScope } from '../../db/scope';
import { createHarness, type Harness } from '../support/harness';
import { makeWorld } from '../support/factories';

/** Bots and their progress are tenant-owned: another tenant's customers get 404 everywhere. */
describe('bot tenant isolation', () => {
  let h: Harness;
  let a: Awaited<ReturnType<typeof makeWorld>>;
  let b: Awaited<ReturnType<typeof makeWorld>>;
  let botOfB: string;

  beforeAll(async () => {
    h = await createHarness();
    a = await makeWorld(h.orm, h.app);
    b = await makeWorld(h.orm, h.app);
    botOfB = await inScope(h.orm, { system: 'test' }, async (em) => {
      const bot = em.create(Bot, {
        tenantId: b.tenant.id,
        name: 'B bot',
        status: 'ready',
        locale: 'de-AT',
        voice: 'v',
        greeting: 'Hallo',
      });
      await em.flush();
      em.create(ProvisioningJob, {
        tenantId: b.tenant.id,
        botId: bot.id,
        kind: 'provision',
        status: 'done',
        workflowId: `provision-bot-${bot.id}`,
        steps: [],
      });
      await em.flush();
      return bot.id;
    });
  });
  afterAll(() => h.close());

  it.each(['customer_admin', 'customer_user'] as const)(
    '%s of tenant A gets 404 for tenant B’s bot, progress and actions',
    async (role) => {
      const headers = a.headers[role];
      const probes = [
        { method: 'GET' as const, url: `/api/bots/${botOfB}` },
        { method: 'GET' as const, url: `/api/bots/${botOfB}/provisioning` },
        { method: 'GET' as const, url: `/api/bots/${botOfB}/provisioning/stream` },
      ];
      for (const probe of probes) {
        const response = await h.app.inject({ ...probe, headers });
        expect({ url: probe.url, status: response.statusCode }).toEqual({ url: probe.url, status: 404 });
      }
      if (role === 'customer_admin') {
        const patch = await h.app.inject({
          method: 'PATCH',
          url: `/api/bots/${botOfB}`,
          headers,
          payload: { greeting: 'pwned' },
        });
        expect(patch.statusCode).toBe(404);
      }
      const list = await h.app.inject({ url: '/api/bots?pageSize=100', headers });
      expect(list.json().items.map((bot: { id: string }) => bot.id)).not.toContain(botOfB);
    },
  );

  it('lets tenant B’s own admin tune the greeting but not rename, and refuses its plain users', async () => {
    const tune = await h.app.inject({
      method: 'PATCH',
      url: `/api/bots/${botOfB}`,
      headers: b.headers.customer_admin,
      payload: { greeting: 'Servus!' },
    });
    expect(tune.statusCode).toBe(200);
    expect(tune.json().greeting).toBe('Servus!');
    const rename = await h.app.inject({
      method: 'PATCH',
      url: `/api/bots/${botOfB}`,
      headers: b.headers.customer_admin,
      payload: { name: 'New' },
    });
    expect(rename.statusCode).toBe(403);
    const user = await h.app.inject({
      method: 'PATCH',
      url: `/api/bots/${botOfB}`,
      headers: b.headers.customer_user,
      payload: { greeting: 'x' },
    });
    expect(user.statusCode).toBe(403);
  });

  it('shows the Temporal run link to platform staff only, never to the customer who owns the bot', async () => {
    const own = await h.app.inject({ url: `/api/bots/${botOfB}/provisioning`, headers: b.headers.customer_admin });
    expect(own.statusCode).toBe(200);
    expect(own.json().workflowUrl).toBeNull();
    expect(own.body).not.toContain('8233');
    for (const role of ['platform_admin', 'support'] as const) {
      const staff = await h.app.inject({ url: `/api/bots/${botOfB}/provisioning`, headers: b.headers[role] });
      expect(staff.json().workflowUrl).toContain(encodeURIComponent(`provision-bot-${botOfB}`));
    }
  });

  it('keeps provisioning actions for platform admins', async () => {
    for (const [method, url] of [
      ['POST', '/api/bots'],
      ['POST', `/api/bots/${botOfB}/rotate-number`],
      ['POST', `/api/bots/${botOfB}/retry`],
      ['POST', `/api/bots/${botOfB}/cancel`],
      ['DELETE', `/api/bots/${botOfB}`],
    ] as const) {
      for (const role of ['support', 'customer_admin'] as const) {
        const response = await h.app.inject({
          method,
          url,
          headers: b.headers[role],
          payload:
            method === 'POST' && url === '/api/bots' ? { tenantId: b.tenant.id, name: 'x1', greeting: 'g' } : undefined,
        });
        expect({ url, role, status: response.statusCode }).toEqual({ url, role, status: 403 });
      }
    }
  });

  it('validates new bots: unknown tenant 404, bad locale 400', async () => {
    const unknown = await h.app.inject({
      method: 'POST',
      url: '/api/bots',
      headers: a.headers.platform_admin,
      payload: { tenantId: '00000000-0000-4000-8000-000000000000', name: 'Ghost', greeting: 'Hi' },
    });
    expect(unknown.statusCode).toBe(404);
    const badLocale = await h.app.inject({
      method: 'POST',
      url: '/api/bots',
      headers: a.headers.platform_admin,
      payload: { tenantId: a.tenant.id, name: 'Bot', greeting: 'Hi', locale: 'german' },
    });
    expect(badLocale.statusCode).toBe(400);
    expect(badLocale.json().errors[0].path).toBe('body.locale');
  });
});

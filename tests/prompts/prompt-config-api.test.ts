import { AuditLog } from '../../db/entities';
import { inScope } from '../../db/scope';
import { createHarness, type Harness } from '../support/harness';
import { makeTenant, makeWorld } from '../support/factories';

type World = Awaited<ReturnType<typeof makeWorld>>;

const settingsFor = (businessName: string, agentName: string) => ({
  businessName,
  businessShortName: businessName.split(' ')[0]!,
  agentName,
  locale: 'de-AT',
  timeZone: 'Europe/Vienna',
  emergencyNumber: '112',
  address: 'Hauptplatz 1, 4020 Linz',
  pricesText: 'Basis 29 Euro, Premium 49 Euro im Monat.',
  retentionRules: 'Einen Monat gratis anbieten.',
  disclaimer: 'Ich ersetze keine ärztliche Beratung.',
  personaBio: 'Herzlich und knapp.',
});

/** Prompt settings per tenant over the API (no worker: the rollout a save starts just waits on its queue). */
describe('prompt config API', () => {
  let h: Harness;
  let a: World;
  let b: World;

  beforeAll(async () => {
    h = await createHarness();
    a = await makeWorld(h.orm, h.app);
    b = await makeWorld(h.orm, h.app);
  });
  afterAll(() => h.close());

  it('derives defaults from the tenant’s own name before anything is saved', async () => {
    const response = await h.app.inject({ url: '/api/prompt-config', headers: a.headers.customer_admin });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      tenantId: a.tenant.id,
      saved: false,
      version: 0,
      settings: { businessName: a.tenant.name, locale: 'de-AT', timeZone: 'Europe/Vienna', emergencyNumber: '112' },
    });
    const preview = await h.app.inject({ url: '/api/prompt-config/preview', headers: a.headers.customer_admin });
    expect(preview.json().greeting).toContain(a.tenant.name);
  });

  it('keeps each tenant’s settings apart: A’s bots say A’s name, B’s say B’s', async () => {
    const putA = await h.app.inject({
      method: 'PUT',
      url: '/api/prompt-config',
      headers: a.headers.customer_admin,
      payload: settingsFor('Bergsee Fitness Linz', 'Lena'),
    });
    expect(putA.statusCode).toBe(200);
    expect(putA.json()).toMatchObject({ saved: true, version: 1, settings: { businessName: 'Bergsee Fitness Linz' } });
    const putB = await h.app.inject({
      method: 'PUT',
      url: '/api/prompt-config',
      headers: b.headers.customer_admin,
      payload: { ...settingsFor('Harbour Yoga London', 'Sam'), locale: 'en-GB', timeZone: 'Europe/London' },
    });
    expect(putB.statusCode).toBe(200);

    for (const role of ['receptionist', 'sales']) {
      const previewA = (
        await h.app.inject({ url: `/api/prompt-config/preview?role=${role}`, headers: a.headers.customer_admin })
      ).json();
      const previewB = (
        await h.app.inject({ url: `/api/prompt-config/preview?role=${role}`, headers: b.headers.customer_admin })
      ).json();
      expect(previewA.greeting).toContain('Bergsee Fitness Linz');
      expect(`${previewA.greeting}${previewA.prompt}`).not.toContain('Harbour');
      expect(previewB.greeting).toContain('Harbour Yoga London');
      expect(previewB.greeting).toMatch(/^Hello/);
      expect(`${previewB.greeting}${previewB.prompt}`).not.toContain('Bergsee');
    }
    const getA = await h.app.inject({ url: '/api/prompt-config', headers: a.headers.customer_admin });
    expect(getA.json().settings.agentName).toBe('Lena');
  });

  it('audits a save with the names of the settings that changed', async () => {
    const second = await h.app.inject({
      method: 'PUT',
      url: '/api/prompt-config',
      headers: a.headers.customer_admin,
      payload: { ...settingsFor('Bergsee Fitness Linz', 'Lena'), agentName: 'Mara' },
    });
    expect(second.json().version).toBe(2);
    const audits = await inScope(h.orm, { system: 'test' }, (em) =>
      em.find(AuditLog, { tenantId: a.tenant.id, action: 'prompt_config.updated' }, { orderBy: { createdAt: 'asc' } }),
    );
    expect(audits.map((audit) => audit.details)).toEqual([
      { version: 1, changed: expect.arrayContaining(['businessName', 'agentName', 'pricesText']) },
      { version: 2, changed: ['agentName'] },
    ]);
    expect(audits[1]!.actorUserId).toBe(a.users.customer_admin.id);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'body.timeZone'],
    [
      'an emergency number that is neither E.164 nor a short code',
      { emergencyNumber: '0800 123' },
      'body.emergencyNumber',
    ],
    ['a locale without templates', { locale: 'fr-FR' }, 'body.locale'],
    ['a business name over 120 characters', { businessName: 'x'.repeat(121) }, 'body.businessName'],
    ['a business name with a line break', { businessName: 'Two\nLines' }, 'body.businessName'],
    ['prices over 4000 characters', { pricesText: 'x'.repeat(4001) }, 'body.pricesText'],
    ['an unknown field', { studioName: 'x' }, 'body'],
  ])('refuses %s with a 400 naming the field', async (_what, change, path) => {
    const response = await h.app.inject({
      method: 'PUT',
      url: '/api/prompt-config',
      headers: a.headers.customer_admin,
      payload: { ...settingsFor('Bergsee Fitness Linz', 'Lena'), ...change },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(response.json().errors)).toContain(path);
  });

  it('refuses a required setting left out', async () => {
    const { agentName: _left, ...rest } = settingsFor('Bergsee Fitness Linz', 'Lena');
    const response = await h.app.inject({
      method: 'PUT',
      url: '/api/prompt-config',
      headers: a.headers.customer_admin,
      payload: rest,
    });
    expect(response.statusCode).toBe(400);
  });

  it('keeps tenant A’s customers out of tenant B’s settings (404), reading and writing', async () => {
    const before = (await h.app.inject({ url: '/api/prompt-config', headers: b.headers.customer_admin })).json();
    for (const probe of [
      { method: 'GET' as const, url: `/api/prompt-config?tenantId=${b.tenant.id}` },
      { method: 'GET' as const, url: `/api/prompt-config/preview?tenantId=${b.tenant.id}` },
      {
        method: 'PUT' as const,
        url: `/api/prompt-config?tenantId=${b.tenant.id}`,
        payload: settingsFor('Hijacked Gym', 'Eve'),
      },
    ]) {
      const response = await h.app.inject({ ...probe, headers: a.headers.customer_admin });
      expect({ url: probe.url, status: response.statusCode }).toEqual({ url: probe.url, status: 404 });
      expect(response.body).not.toContain('Harbour');
    }
    const after = (await h.app.inject({ url: '/api/prompt-config', headers: b.headers.customer_admin })).json();
    expect(after).toEqual(before);
  });

  it('lets only the tenant’s admin and platform staff in', async () => {
    const user = await h.app.inject({ url: '/api/prompt-config', headers: a.headers.customer_user });
    expect(user.statusCode).toBe(403);
    const userPut = await h.app.inject({
      method: 'PUT',
      url: '/api/prompt-config',
      headers: a.headers.customer_user,
      payload: settingsFor('Bergsee Fitness Linz', 'Lena'),
    });
    expect(userPut.statusCode).toBe(403);
    const anonymous = await h.app.inject({ url: '/api/prompt-config' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets platform staff read and change a tenant they name, and asks them to name one', async () => {
    const unnamed = await h.app.inject({ url: '/api/prompt-config', headers: a.headers.support });
    expect(unnamed.statusCode).toBe(400);
    const other = await makeTenant(h.orm);
    const read = await h.app.inject({
      url: `/api/prompt-config?tenantId=${other.id}`,
      headers: a.headers.support,
    });
    expect(read.json()).toMatchObject({ tenantId: other.id, saved: false });
    const put = await h.app.inject({
      method: 'PUT',
      url: `/api/prompt-config?tenantId=${other.id}`,
      headers: a.headers.platform_admin,
      payload: settingsFor('Staff Set Studio', 'Ida'),
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ tenantId: other.id, version: 1 });
    const audit = await inScope(h.orm, { system: 'test' }, (em) =>
      em.findOne(AuditLog, { tenantId: other.id, action: 'prompt_config.updated' }),
    );
    expect(audit?.actorRole).toBe('platform_admin');
    const missing = await h.app.inject({
      method: 'PUT',
      url: '/api/prompt-config?tenantId=00000000-0000-4000-8000-000000000000',
      headers: a.headers.platform_admin,
      payload: settingsFor('Nobody', 'Ida'),
    });
    expect(missing.statusCode).toBe(404);
  });

  it('previews a draft without saving it', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/prompt-config/preview',
      headers: a.headers.customer_admin,
      payload: { role: 'sales', settings: settingsFor('Draft Studio Wels', 'Nora') },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ role: 'sales', locale: 'de-AT' });
    expect(response.json().prompt).toContain('Basis 29 Euro');
    expect(response.json().greeting).toContain('Draft Studio Wels');
    const saved = (await h.app.inject({ url: '/api/prompt-config', headers: a.headers.customer_admin })).json();
    expect(saved.settings.businessName).toBe('Bergsee Fitness Linz');
  });
});

import type { BrandingView } from '../../contracts/branding';
import type { Tenant } from '../../db/entities';
import { makeReadyBot } from '../e2e/support/customer-data';
import { bearerFor, makeTenant, makeUser } from '../support/factories';
import { createHarness, TEST_BASE_DOMAIN, type Harness } from '../support/harness';

type Headers = Record<string, string>;

/**
 * Tenant resolution by subdomain and X-Tenant-Slug (seed 003 S6.2): the hint only narrows. A customer's session
 * never reaches another tenant through it, and platform staff naming a tenant see only that one.
 */
describe('tenant hint (subdomain and X-Tenant-Slug)', () => {
  let h: Harness;
  let a: Tenant;
  let b: Tenant;
  let customerA: Headers;
  let staff: Headers;
  const hostOf = (tenant: Tenant) => `${tenant.slug}.${TEST_BASE_DOMAIN}`;

  beforeAll(async () => {
    h = await createHarness();
    a = await makeTenant(h.orm);
    b = await makeTenant(h.orm);
    await makeReadyBot(h.orm, a.id, 'A bot');
    await makeReadyBot(h.orm, b.id, 'B bot');
    customerA = await bearerFor(h.app, await makeUser(h.orm, 'customer_admin', a.id));
    staff = await bearerFor(h.app, await makeUser(h.orm, 'platform_admin', null));
  });
  afterAll(() => h.close());

  const get = (url: string, headers: Headers) => h.app.inject({ url, headers });

  it('answers a customer of A exactly as without a hint when the hint names A (header or subdomain)', async () => {
    for (const url of ['/api/branding', '/api/auth/me', '/api/bots']) {
      const plain = await get(url, customerA);
      expect(plain.statusCode).toBe(200);
      const byHeader = await get(url, { ...customerA, 'x-tenant-slug': a.slug });
      const byHost = await get(url, { ...customerA, host: hostOf(a) });
      expect([byHeader.statusCode, byHost.statusCode]).toEqual([200, 200]);
      expect(byHeader.json()).toEqual(plain.json());
      expect(byHost.json()).toEqual(plain.json());
    }
  });

  it('refuses a customer of A whose hint names B, by header or by subdomain, without showing B', async () => {
    for (const headers of [
      { ...customerA, 'x-tenant-slug': b.slug },
      { ...customerA, host: hostOf(b) },
    ]) {
      for (const url of ['/api/branding', '/api/auth/me', `/api/branding?tenantId=${b.id}`, '/api/bots']) {
        const response = await get(url, headers);
        expect(response.statusCode).toBe(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body).not.toContain(b.id);
      }
    }
    const write = await h.app.inject({
      method: 'PUT',
      url: '/api/branding',
      headers: { ...customerA, 'x-tenant-slug': b.slug },
      payload: { dashboardTitle: 'Hijack', primaryColor: null },
    });
    expect(write.statusCode).toBe(404);
  });

  it('refuses a hint naming no tenant, a malformed one, and a header contradicting the subdomain', async () => {
    expect((await get('/api/branding', { ...customerA, 'x-tenant-slug': 'no-such-tenant-zz' })).statusCode).toBe(404);
    expect((await get('/api/branding', { ...staff, 'x-tenant-slug': 'no-such-tenant-zz' })).statusCode).toBe(404);
    expect(
      (await get('/api/branding', { ...customerA, host: `no-such-tenant-zz.${TEST_BASE_DOMAIN}` })).statusCode,
    ).toBe(404);
    expect((await get('/api/branding', { ...customerA, 'x-tenant-slug': 'bad/slug' })).statusCode).toBe(400);
    expect((await get('/api/branding', { ...customerA, host: hostOf(a), 'x-tenant-slug': b.slug })).statusCode).toBe(
      400,
    );
  });

  it('narrows platform staff to the named tenant wherever a tenant is chosen', async () => {
    const branding = await get('/api/branding', { ...staff, 'x-tenant-slug': b.slug });
    expect(branding.statusCode).toBe(200);
    expect(branding.json<BrandingView>().tenantId).toBe(b.id);
    expect((await get(`/api/branding?tenantId=${a.id}`, { ...staff, 'x-tenant-slug': b.slug })).statusCode).toBe(404);
    expect((await get(`/api/tenants/${a.id}`, { ...staff, host: hostOf(b) })).statusCode).toBe(404);
    expect((await get(`/api/tenants/${b.id}`, { ...staff, host: hostOf(b) })).statusCode).toBe(200);

    const tenantsOf = (response: Awaited<ReturnType<typeof get>>) =>
      new Set(response.json<{ items: Array<{ tenantId: string }> }>().items.map((bot) => bot.tenantId));
    expect((await get(`/api/bots?tenantId=${a.id}`, { ...staff, 'x-tenant-slug': b.slug })).statusCode).toBe(404);
    const narrowed = await get('/api/bots?pageSize=100', { ...staff, 'x-tenant-slug': b.slug });
    expect(narrowed.statusCode).toBe(200);
    expect([...tenantsOf(narrowed)]).toEqual([b.id]);
  });

  it('leaves requests without a session alone: the public branding reads its own slug', async () => {
    const response = await get(`/api/public/branding?slug=${a.slug}`, { 'x-tenant-slug': b.slug });
    expect(response.statusCode).toBe(200);
  });
});

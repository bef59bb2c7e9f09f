import type { BrandingView } from '../../contracts/branding';
import { AuditLog, TenantBranding, type Tenant } from '../../db/entities';
import { inScope } from '../../db/scope';
import { bearerFor, makeTenant, makeUser, subscribeTenant } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';
import { CLEAN_SVG, JPEG_START, SCRIPTED_SVG, solidPng } from './branding-images';

type Headers = { authorization: string };

/** White-label branding through the API: validation, the plan gate, uploads served safely, tenant isolation. */
describe('branding API', () => {
  let h: Harness;
  let a: Tenant;
  let b: Tenant;
  let starter: Tenant;
  const as: Record<'aAdmin' | 'aUser' | 'bAdmin' | 'starterAdmin' | 'staff', Headers> = {} as never;

  beforeAll(async () => {
    h = await createHarness();
    [a, b, starter] = [await makeTenant(h.orm), await makeTenant(h.orm), await makeTenant(h.orm)];
    await subscribeTenant(h.orm, a.id, 'enterprise');
    await subscribeTenant(h.orm, b.id, 'enterprise');
    await subscribeTenant(h.orm, starter.id, 'starter');
    as.aAdmin = await bearerFor(h.app, await makeUser(h.orm, 'customer_admin', a.id));
    as.aUser = await bearerFor(h.app, await makeUser(h.orm, 'customer_user', a.id));
    as.bAdmin = await bearerFor(h.app, await makeUser(h.orm, 'customer_admin', b.id));
    as.starterAdmin = await bearerFor(h.app, await makeUser(h.orm, 'customer_admin', starter.id));
    as.staff = await bearerFor(h.app, await makeUser(h.orm, 'platform_admin', null));
  });
  afterAll(() => h.close());

  const put = (headers: Headers, payload: Record<string, unknown>) =>
    h.app.inject({ method: 'PUT', url: '/api/branding', headers, payload });
  const upload = (headers: Headers, asset: 'logo' | 'favicon', contentType: string, body: Buffer) =>
    h.app.inject({
      method: 'PUT',
      url: `/api/branding/${asset}`,
      headers: { ...headers, 'content-type': contentType },
      body,
    });
  const get = (headers: Headers, query = '') => h.app.inject({ url: `/api/branding${query}`, headers });

  const expectProblem = (
    response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
    status: number,
  ) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    return response.json() as { code: string; errors?: Array<{ path: string }>; feature?: string };
  };

  it('saves the title and colour (lowercased), shows them to every user of the tenant, and audits the change', async () => {
    const saved = await put(as.aAdmin, { dashboardTitle: ' Alpen Admin ', primaryColor: '#FF6B35' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<BrandingView>()).toMatchObject({
      tenantId: a.id,
      tenantSlug: a.slug,
      dashboardTitle: 'Alpen Admin',
      primaryColor: '#ff6b35',
      logo: null,
      favicon: null,
    });
    const read = await get(as.aUser);
    expect(read.statusCode).toBe(200);
    expect(read.json<BrandingView>()).toMatchObject({ dashboardTitle: 'Alpen Admin', primaryColor: '#ff6b35' });
    const audits = await inScope(h.orm, { system: 'test' }, (em) =>
      em.find(AuditLog, { tenantId: a.id, action: 'branding.updated' }),
    );
    expect(audits.map((audit) => audit.details)).toContainEqual(
      expect.objectContaining({ dashboardTitle: 'Alpen Admin', primaryColor: '#ff6b35' }),
    );
  });

  it.each([
    ['a colour that is not #rrggbb', { dashboardTitle: 'X', primaryColor: 'red' }, 'body.primaryColor'],
    ['a short colour', { dashboardTitle: 'X', primaryColor: '#fff' }, 'body.primaryColor'],
    ['a title over 60 characters', { dashboardTitle: 'x'.repeat(61), primaryColor: null }, 'body.dashboardTitle'],
    [
      'an http logo URL',
      { dashboardTitle: null, primaryColor: null, logoUrl: 'http://cdn.example/logo.png' },
      'body.logoUrl',
    ],
    [
      'a javascript: favicon URL',
      { dashboardTitle: null, primaryColor: null, faviconUrl: 'javascript:alert(1)' },
      'body.faviconUrl',
    ],
  ])('refuses %s with a 400 problem naming the field', async (_name, payload, path) => {
    const body = expectProblem(await put(as.aAdmin, payload), 400);
    expect(body.errors?.map((error) => error.path)).toContain(path);
  });

  it('refuses uploads whose bytes are not the declared type, too large ones, SVGs with script, and other types', async () => {
    expect(expectProblem(await upload(as.aAdmin, 'logo', 'image/png', JPEG_START), 400).errors?.[0]?.path).toBe('body');
    const tooLarge = Buffer.concat([solidPng([0, 0, 0]), Buffer.alloc(64 * 1024)]);
    expectProblem(await upload(as.aAdmin, 'favicon', 'image/png', tooLarge), 413);
    expectProblem(
      await upload(as.aAdmin, 'logo', 'image/png', Buffer.concat([solidPng([0, 0, 0]), Buffer.alloc(512 * 1024)])),
      413,
    );
    const svg = expectProblem(await upload(as.aAdmin, 'logo', 'image/svg+xml', SCRIPTED_SVG), 400);
    expect(svg.code).toBe('bad_request');
    expectProblem(await upload(as.aAdmin, 'favicon', 'image/jpeg', JPEG_START), 400);
    expectProblem(await upload(as.aAdmin, 'logo', 'image/gif', Buffer.from('GIF89a')), 400);
    const json = await h.app.inject({
      method: 'PUT',
      url: '/api/branding/logo',
      headers: as.aAdmin,
      payload: { a: 1 },
    });
    expectProblem(json, 400);
    const stored = await inScope(h.orm, { system: 'test' }, (em) => em.findOne(TenantBranding, { tenantId: a.id }));
    expect(stored?.logoDigest ?? null).toBeNull();
  });

  it('stores an uploaded logo and serves it publicly as its checked type, sandboxed, cacheable by its digest', async () => {
    const png = solidPng([255, 107, 53]);
    const saved = await upload(as.aAdmin, 'logo', 'image/png', png);
    expect(saved.statusCode).toBe(200);
    const logo = saved.json<BrandingView>().logo!;
    expect(logo).toMatchObject({ source: 'upload', contentType: 'image/png', bytes: png.length });
    expect(logo.url).toMatch(new RegExp(`^/api/branding/assets/${a.slug}/logo\\?v=[0-9a-f]{16}$`));

    const served = await h.app.inject({ url: logo.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toContain('immutable');
    const again = await h.app.inject({ url: logo.url, headers: { 'if-none-match': String(served.headers.etag) } });
    expect(again.statusCode).toBe(304);

    const favicon = await upload(as.aAdmin, 'favicon', 'image/svg+xml', CLEAN_SVG);
    expect(favicon.statusCode).toBe(200);
    const svg = await h.app.inject({ url: favicon.json<BrandingView>().favicon!.url });
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['content-security-policy']).toContain('sandbox');

    // A URL replaces the upload; leaving the favicon out keeps it; the title and colour stay as sent.
    const replaced = await put(as.aAdmin, {
      dashboardTitle: 'Alpen Admin',
      primaryColor: '#ff6b35',
      logoUrl: 'https://cdn.example/alpen.png',
    });
    expect(replaced.json<BrandingView>()).toMatchObject({
      logo: { source: 'url', url: 'https://cdn.example/alpen.png' },
      favicon: { source: 'upload', contentType: 'image/svg+xml' },
    });
    expect((await h.app.inject({ url: `/api/branding/assets/${a.slug}/logo` })).statusCode).toBe(404);
  });

  it('answers 402 naming white label when the plan lacks it, while reading still works', async () => {
    const refused = expectProblem(await put(as.starterAdmin, { dashboardTitle: 'Mine', primaryColor: '#000000' }), 402);
    expect(refused.feature).toBe('whiteLabel');
    expectProblem(await upload(as.starterAdmin, 'logo', 'image/png', solidPng([0, 0, 0])), 402);
    const read = await get(as.starterAdmin);
    expect(read.statusCode).toBe(200);
    expect(read.json<BrandingView>()).toMatchObject({ tenantId: starter.id, dashboardTitle: null, primaryColor: null });
  });

  it('keeps tenants apart: A reads and writes only its own, members and staff cannot write', async () => {
    expectProblem(await get(as.aAdmin, `?tenantId=${b.id}`), 404);
    expectProblem(await put(as.aUser, { dashboardTitle: 'Member', primaryColor: null }), 403);
    expectProblem(await put(as.staff, { dashboardTitle: 'Staff', primaryColor: null }), 403);

    const bView = await get(as.bAdmin);
    expect(bView.json<BrandingView>()).toMatchObject({
      tenantId: b.id,
      dashboardTitle: null,
      primaryColor: null,
      logo: null,
    });
    expect(JSON.stringify(bView.json())).not.toContain('Alpen');
    const staffView = await get(as.staff, `?tenantId=${a.id}`);
    expect(staffView.json<BrandingView>()).toMatchObject({ tenantId: a.id, dashboardTitle: 'Alpen Admin' });
    expectProblem(await get(as.staff), 400);

    // B's admin saving changes B's row only.
    await put(as.bAdmin, { dashboardTitle: 'Bergsee', primaryColor: '#0044aa' });
    expect((await get(as.aAdmin)).json<BrandingView>().dashboardTitle).toBe('Alpen Admin');
    expectProblem(await h.app.inject({ url: `/api/branding/assets/${b.slug}/favicon` }), 404);
  });

  it('gives the public endpoint the branding fields and nothing else of the tenant', async () => {
    const response = await h.app.inject({ url: `/api/public/branding?slug=${a.slug}` });
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(Object.keys(body).sort()).toEqual(['dashboardTitle', 'faviconUrl', 'logoUrl', 'primaryColor']);
    expect(body).toMatchObject({
      dashboardTitle: 'Alpen Admin',
      primaryColor: '#ff6b35',
      logoUrl: 'https://cdn.example/alpen.png',
    });
    expect(JSON.stringify(body)).not.toContain(a.id);
    expect(JSON.stringify(body)).not.toContain(a.name);
    expectProblem(await h.app.inject({ url: '/api/public/branding?slug=no-such-tenant-here' }), 404);
    expectProblem(await h.app.inject({ url: '/api/public/branding?slug=Not%20A%20Slug' }), 400);
  });
});

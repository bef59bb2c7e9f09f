import pg from 'pg';
import { createHarness, testDatabaseUrl, type Harness } from './support/harness';
import { bearerFor, makeTenant, makeUser, makeWorld, subscribeTenant } from './support/factories';

describe('tenant isolation', () => {
  let h: Harness;
  let a: Awaited<ReturnType<typeof makeWorld>>;
  let b: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    h = await createHarness();
    a = await makeWorld(h.orm, h.app);
    b = await makeWorld(h.orm, h.app);
    await subscribeTenant(h.orm, b.tenant.id, 'pro');
  });
  afterAll(() => h.close());

  it.each(['customer_admin', 'customer_user'] as const)(
    '%s of tenant A gets 404 for every tenant-B resource by id',
    async (role) => {
      const headers = a.headers[role];
      const bUser = b.users.customer_user.id;
      const probes = [
        { method: 'GET' as const, url: `/api/tenants/${b.tenant.id}` },
        { method: 'GET' as const, url: `/api/tenants/${b.tenant.id}/onboarding` },
        { method: 'GET' as const, url: `/api/tenants/${b.tenant.id}/users` },
        {
          method: 'POST' as const,
          url: `/api/tenants/${b.tenant.id}/users`,
          payload: { email: 'x@example.test', name: 'X', role: 'customer_user', password: 'long-enough-pass' },
        },
        { method: 'PATCH' as const, url: `/api/tenants/${b.tenant.id}/users/${bUser}`, payload: { name: 'Hijacked' } },
        { method: 'GET' as const, url: `/api/billing/subscription?tenantId=${b.tenant.id}` },
        { method: 'PUT' as const, url: `/api/tenants/${b.tenant.id}/plan`, payload: { planCode: 'enterprise' } },
      ];
      for (const probe of probes) {
        const response = await h.app.inject({ ...probe, headers });
        expect({ url: probe.url, method: probe.method, status: response.statusCode }).toEqual({
          url: probe.url,
          method: probe.method,
          status: 404,
        });
        expect(response.body).not.toContain(b.tenant.name);
      }
    },
  );

  it('lists only the caller’s own tenant and users', async () => {
    const tenants = await h.app.inject({ url: '/api/tenants?pageSize=100', headers: a.headers.customer_admin });
    expect(tenants.json().items.map((t: { id: string }) => t.id)).toEqual([a.tenant.id]);
    expect(tenants.json().total).toBe(1);
    const users = await h.app.inject({ url: `/api/tenants/${a.tenant.id}/users`, headers: a.headers.customer_admin });
    const tenantIds = new Set(users.json().items.map((u: { tenantId: string }) => u.tenantId));
    expect([...tenantIds]).toEqual([a.tenant.id]);
  });

  it('cannot move a user of tenant B by addressing it through tenant A', async () => {
    const response = await h.app.inject({
      method: 'PATCH',
      url: `/api/tenants/${a.tenant.id}/users/${b.users.customer_user.id}`,
      headers: a.headers.customer_admin,
      payload: { isActive: false },
    });
    expect(response.statusCode).toBe(404);
    const stillActive = await h.app.inject({ url: '/api/auth/me', headers: b.headers.customer_user });
    expect(stillActive.statusCode).toBe(200);
  });

  it('shows each customer only their own subscription', async () => {
    const own = await h.app.inject({ url: '/api/billing/subscription', headers: b.headers.customer_user });
    expect(own.json()).toMatchObject({ tenantId: b.tenant.id, plan: { code: 'pro' } });
    // Tenant A has no subscription of its own: nothing of B's stands in for it.
    const none = await h.app.inject({ url: '/api/billing/subscription', headers: a.headers.customer_admin });
    expect(none.statusCode).toBe(404);
  });

  it('shows platform staff every tenant', async () => {
    const response = await h.app.inject({ url: '/api/tenants?pageSize=100', headers: a.headers.support });
    const ids = response.json().items.map((t: { id: string }) => t.id);
    expect(ids).toEqual(expect.arrayContaining([a.tenant.id, b.tenant.id]));
  });
});

describe('row-level security in PostgreSQL', () => {
  let client: pg.Client;
  let h: Harness;
  let tenantA: string;
  let tenantB: string;
  beforeAll(async () => {
    h = await createHarness();
    tenantA = (await makeTenant(h.orm)).id;
    tenantB = (await makeTenant(h.orm)).id;
    await makeUser(h.orm, 'customer_user', tenantA);
    await makeUser(h.orm, 'customer_user', tenantB);
    client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await h.close();
  });

  async function inTransaction<T>(settings: Record<string, string>, query: string): Promise<T[]> {
    await client.query('begin');
    try {
      for (const [name, value] of Object.entries(settings))
        await client.query('select set_config($1, $2, true)', [name, value]);
      return (await client.query(query)).rows as T[];
    } finally {
      await client.query('rollback');
    }
  }

  it('returns no rows to a query made without the tenant setting', async () => {
    expect(await inTransaction({}, 'select id from tenants')).toEqual([]);
    expect(await inTransaction({}, 'select id from users')).toEqual([]);
    expect(await inTransaction({}, 'select tenant_id from tenant_settings')).toEqual([]);
  });

  it('returns only the scoped tenant’s rows, even with no WHERE clause', async () => {
    const users = await inTransaction<{ tenant_id: string }>(
      { 'app.tenant_id': tenantA },
      'select tenant_id from users',
    );
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users.map((u) => u.tenant_id))).toEqual(new Set([tenantA]));
    const tenants = await inTransaction<{ id: string }>({ 'app.tenant_id': tenantA }, 'select id from tenants');
    expect(tenants.map((t) => t.id)).toEqual([tenantA]);
  });

  it('lets session_actor read one user across tenants for its own statement only', async () => {
    const [user] = await inTransaction<{ id: string }>({ 'app.tenant_id': tenantB }, 'select id from users');
    const { rows } = await client.query('select * from session_actor($1)', [user!.id]);
    expect(rows).toEqual([
      { id: user!.id, role: 'customer_user', tenant_id: tenantB, is_active: true, tenant_status: 'active' },
    ]);
    // The bypass was local to that autocommit statement: the connection's next query sees nothing unscoped.
    expect((await client.query('select id from users')).rows).toEqual([]);
    expect((await client.query(`select current_setting('app.bypass_rls', true) as bypass`)).rows[0].bypass).not.toBe(
      'on',
    );
  });

  it('refuses to write a row into another tenant', async () => {
    await client.query('begin');
    try {
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantA]);
      await expect(
        client.query(
          `insert into support_tickets (id, tenant_id, subject, body, status) values (gen_random_uuid(), $1, 's', 'b', 'open')`,
          [tenantB],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await client.query('rollback');
    }
  });

  it('lets anyone read the plans but only the explicit bypass change them', async () => {
    expect(await inTransaction({}, 'select code from plans order by sort_order')).toEqual([
      { code: 'starter' },
      { code: 'pro' },
      { code: 'enterprise' },
    ]);
    expect(await inTransaction({ 'app.tenant_id': tenantA }, `update plans set max_bots = 999 returning code`)).toEqual(
      [],
    );
    await client.query('begin');
    try {
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantA]);
      await expect(
        client.query(
          `insert into plans (id, code, name, currency, monthly_fee_cents, max_bots)
           values (gen_random_uuid(), 'free-for-me', 'Mine', 'EUR', 0, 999)`,
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await client.query('rollback');
    }
  });

  it('sees every tenant only through the explicit bypass', async () => {
    const rows = await inTransaction<{ id: string }>({ 'app.bypass_rls': 'on' }, 'select id from tenants');
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([tenantA, tenantB]));
  });

  it('applies to the application role itself, which is neither superuser nor BYPASSRLS', async () => {
    const { rows } = await client.query('select rolsuper, rolbypassrls from pg_roles where rolname = current_user');
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('lets a signed-in customer read their own tenant through the API under RLS', async () => {
    const user = await makeUser(h.orm, 'customer_admin', tenantA);
    const response = await h.app.inject({ url: `/api/tenants/${tenantA}`, headers: await bearerFor(h.app, user) });
    expect(response.statusCode).toBe(200);
    expect(response.json().id).toBe(tenantA);
  });
});

import type { InjectOptions } from 'fastify';
import { inScope } from '../db/scope';
import type { Role } from '../contracts/roles';
import { createHarness, type Harness } from './support/harness';
import { makeUser, makeWorld, subscribeTenant } from './support/factories';

/** Expected status of each route for each role, within the caller's own tenant. */
describe('role-based access control', () => {
  let h: Harness;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    h = await createHarness();
    world = await makeWorld(h.orm, h.app);
    await subscribeTenant(h.orm, world.tenant.id, 'starter');
  });
  afterAll(() => h.close());

  const cases: { name: string; request: () => InjectOptions; expected: Record<Role, number> }[] = [
    {
      name: 'GET /api/tenants',
      request: () => ({ url: '/api/tenants' }),
      expected: { platform_admin: 200, support: 200, customer_admin: 200, customer_user: 200 },
    },
    {
      name: 'POST /api/tenants',
      request: () => ({
        method: 'POST',
        url: '/api/tenants',
        payload: { name: 'Never Created', contactEmail: 'x@example.test', slug: `never-${Date.now()}` },
      }),
      expected: { platform_admin: 201, support: 403, customer_admin: 403, customer_user: 403 },
    },
    {
      name: 'GET /api/tenants/:id/users',
      request: () => ({ url: `/api/tenants/${world.tenant.id}/users` }),
      expected: { platform_admin: 200, support: 200, customer_admin: 200, customer_user: 403 },
    },
    {
      name: 'POST /api/tenants/:id/users',
      request: () => ({
        method: 'POST',
        url: `/api/tenants/${world.tenant.id}/users`,
        payload: {
          email: `new-${Math.random().toString(36).slice(2)}@example.test`,
          name: 'New',
          role: 'customer_user',
          password: 'long-enough-pass',
        },
      }),
      expected: { platform_admin: 201, support: 403, customer_admin: 201, customer_user: 403 },
    },
    {
      name: 'PATCH /api/tenants/:id/users/:userId',
      request: () => ({
        method: 'PATCH',
        url: `/api/tenants/${world.tenant.id}/users/${world.users.customer_user.id}`,
        payload: { name: 'Renamed' },
      }),
      expected: { platform_admin: 200, support: 403, customer_admin: 200, customer_user: 403 },
    },
    // The world's tenant is active: a platform admin passes the role check and meets the status rule (409).
    {
      name: 'POST /api/tenants/:id/reactivate',
      request: () => ({ method: 'POST', url: `/api/tenants/${world.tenant.id}/reactivate` }),
      expected: { platform_admin: 409, support: 403, customer_admin: 403, customer_user: 403 },
    },
    {
      name: 'POST /api/tenants/:id/verification/resend',
      request: () => ({ method: 'POST', url: `/api/tenants/${world.tenant.id}/verification/resend` }),
      expected: { platform_admin: 409, support: 403, customer_admin: 403, customer_user: 403 },
    },
    {
      name: 'POST /api/tenants/:id/verify',
      request: () => ({ method: 'POST', url: `/api/tenants/${world.tenant.id}/verify` }),
      expected: { platform_admin: 409, support: 403, customer_admin: 403, customer_user: 403 },
    },
    {
      name: 'GET /api/plans',
      request: () => ({ url: '/api/plans' }),
      expected: { platform_admin: 200, support: 200, customer_admin: 200, customer_user: 200 },
    },
    {
      name: 'GET /api/billing/subscription',
      request: () => ({ url: `/api/billing/subscription?tenantId=${world.tenant.id}` }),
      expected: { platform_admin: 200, support: 200, customer_admin: 200, customer_user: 200 },
    },
    // Choosing the plan the tenant is on changes nothing, so every role meets the same tenant.
    {
      name: 'PUT /api/tenants/:tenantId/plan',
      request: () => ({ method: 'PUT', url: `/api/tenants/${world.tenant.id}/plan`, payload: { planCode: 'starter' } }),
      expected: { platform_admin: 200, support: 403, customer_admin: 403, customer_user: 403 },
    },
  ];

  for (const testCase of cases) {
    for (const role of ['platform_admin', 'support', 'customer_admin', 'customer_user'] as Role[]) {
      it(`${testCase.name} answers ${testCase.expected[role]} to ${role}`, async () => {
        const options = testCase.request();
        const response = await h.app.inject({ ...options, headers: world.headers[role] } as InjectOptions);
        expect(response.statusCode).toBe(testCase.expected[role]);
        if (response.statusCode === 403) expect(response.json().code).toBe('forbidden');
      });
    }
  }

  it('answers 401 problem+json to anonymous callers on every protected route', async () => {
    for (const testCase of cases) {
      const response = await h.app.inject(testCase.request() as InjectOptions);
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('lets only platform admins deactivate a tenant (its users are signed out, so it runs on a world of its own)', async () => {
    const own = await makeWorld(h.orm, h.app);
    const deactivate = (role: Role) =>
      h.app.inject({
        method: 'POST',
        url: `/api/tenants/${own.tenant.id}/deactivate`,
        headers: own.headers[role],
        payload: { reason: 'RBAC check' },
      });
    const statuses: Record<string, number> = {};
    for (const role of ['support', 'customer_user', 'customer_admin', 'platform_admin'] as Role[]) {
      statuses[role] = (await deactivate(role)).statusCode;
    }
    expect(statuses).toEqual({ support: 403, customer_user: 403, customer_admin: 403, platform_admin: 200 });
    const anonymous = await h.app.inject({
      method: 'POST',
      url: `/api/tenants/${own.tenant.id}/deactivate`,
      payload: { reason: 'RBAC check' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets nobody deactivate themselves', async () => {
    const admin = world.users.customer_admin;
    const response = await h.app.inject({
      method: 'PATCH',
      url: `/api/tenants/${world.tenant.id}/users/${admin.id}`,
      headers: world.headers.customer_admin,
      payload: { isActive: false },
    });
    expect(response.statusCode).toBe(422);
  });

  it('does not let a tenant user be created with a platform role', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: `/api/tenants/${world.tenant.id}/users`,
      headers: world.headers.platform_admin,
      payload: { email: 'sneaky@example.test', name: 'Sneaky', role: 'platform_admin', password: 'long-enough-pass' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.role');
  });

  it('records an audit entry for user changes made by platform staff', async () => {
    const target = await makeUser(h.orm, 'customer_user', world.tenant.id);
    await h.app.inject({
      method: 'PATCH',
      url: `/api/tenants/${world.tenant.id}/users/${target.id}`,
      headers: world.headers.platform_admin,
      payload: { name: 'Audited' },
    });
    const [row] = await inScope(h.orm, { system: 'test' }, (em) =>
      em.execute(`select actor_role, action from audit_log where target_id = ?`, [target.id]),
    );
    expect(row).toMatchObject({ actor_role: 'platform_admin', action: 'user.updated' });
  });
});

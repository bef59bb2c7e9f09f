import { createHarness, type Harness } from './support/harness';
import { makeWorld } from './support/factories';

type Probe = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: unknown; raw?: string; contentType?: string };

/** Malformed requests on every route: each must be a 4xx problem+json, never a 500. */
describe('bad input', () => {
  let h: Harness;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    h = await createHarness();
    world = await makeWorld(h.orm, h.app);
  });
  afterAll(() => h.close());

  const probes = (): [string, Probe, number][] => {
    const tenant = world.tenant.id;
    const user = world.users.customer_user.id;
    const missing = '00000000-0000-4000-8000-000000000000';
    return [
      ['login without password', { method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.test' } }, 400],
      [
        'login with a non-JSON body',
        { method: 'POST', url: '/api/auth/login', raw: '{"email":', contentType: 'application/json' },
        400,
      ],
      [
        'login with an unsupported content type',
        { method: 'POST', url: '/api/auth/login', raw: 'email=a', contentType: 'text/csv' },
        415,
      ],
      [
        'register with a short password',
        {
          method: 'POST',
          url: '/api/auth/register',
          payload: { companyName: 'Ok Co', name: 'N', email: 'n@example.test', password: 'short' },
        },
        400,
      ],
      [
        'register with a bad email',
        {
          method: 'POST',
          url: '/api/auth/register',
          payload: { companyName: 'Ok Co', name: 'N', email: 'not-an-email', password: 'long-enough-1' },
        },
        400,
      ],
      ['verify without token', { method: 'GET', url: '/api/auth/verify' }, 400],
      ['refresh without a session', { method: 'POST', url: '/api/auth/refresh' }, 401],
      ['tenants with a negative page', { method: 'GET', url: '/api/tenants?page=-1' }, 400],
      ['tenants with a huge page size', { method: 'GET', url: '/api/tenants?pageSize=100000' }, 400],
      ['tenants with an unknown status', { method: 'GET', url: '/api/tenants?status=deleted' }, 400],
      [
        'create tenant without a name',
        { method: 'POST', url: '/api/tenants', payload: { contactEmail: 'x@example.test' } },
        400,
      ],
      [
        'create tenant with a bad slug',
        {
          method: 'POST',
          url: '/api/tenants',
          payload: { name: 'Good', slug: 'Bad Slug!', contactEmail: 'x@example.test' },
        },
        400,
      ],
      ['tenant with a malformed id', { method: 'GET', url: '/api/tenants/not-a-uuid' }, 400],
      ['tenant that does not exist', { method: 'GET', url: '/api/tenants/00000000-0000-4000-8000-000000000000' }, 404],
      ['onboarding of a malformed id', { method: 'GET', url: '/api/tenants/123/onboarding' }, 400],
      ['users of a malformed tenant id', { method: 'GET', url: '/api/tenants/xyz/users' }, 400],
      [
        'create user with an unknown role',
        {
          method: 'POST',
          url: `/api/tenants/${tenant}/users`,
          payload: { email: 'u@example.test', name: 'U', role: 'root', password: 'long-enough-1' },
        },
        400,
      ],
      ['create user with an array body', { method: 'POST', url: `/api/tenants/${tenant}/users`, payload: [1, 2] }, 400],
      [
        'patch user with an empty body',
        { method: 'PATCH', url: `/api/tenants/${tenant}/users/${user}`, payload: {} },
        400,
      ],
      [
        'patch user with a wrong type',
        { method: 'PATCH', url: `/api/tenants/${tenant}/users/${user}`, payload: { isActive: 'no' } },
        400,
      ],
      [
        'patch a user that does not exist',
        {
          method: 'PATCH',
          url: `/api/tenants/${tenant}/users/00000000-0000-4000-8000-000000000000`,
          payload: { name: 'X' },
        },
        404,
      ],
      ['tickets with an unknown status', { method: 'GET', url: '/api/support/tickets?status=new' }, 400],
      ['create ticket without a subject', { method: 'POST', url: '/api/support/tickets', payload: { body: 'b' } }, 400],
      [
        'create ticket as staff without a tenant',
        { method: 'POST', url: '/api/support/tickets', payload: { subject: 'Help', body: 'b' } },
        400,
      ],
      [
        'create ticket with a field the contract does not know',
        {
          method: 'POST',
          url: '/api/support/tickets',
          payload: { subject: 'Help', body: 'b', tenantId: tenant, status: 'closed' },
        },
        400,
      ],
      [
        'patch ticket with a field the contract does not know',
        { method: 'PATCH', url: `/api/support/tickets/${missing}`, payload: { status: 'open', subject: 'X' } },
        400,
      ],
      ['ticket with a malformed id', { method: 'GET', url: '/api/support/tickets/42' }, 400],
      ['ticket that does not exist', { method: 'GET', url: `/api/support/tickets/${missing}` }, 404],
      [
        'reply with an empty body',
        { method: 'POST', url: `/api/support/tickets/${missing}/messages`, payload: { body: '' } },
        400,
      ],
      [
        'reply to a ticket that does not exist',
        { method: 'POST', url: `/api/support/tickets/${missing}/messages`, payload: { body: 'Hi' } },
        404,
      ],
      [
        'patch ticket with an empty body',
        { method: 'PATCH', url: `/api/support/tickets/${missing}`, payload: {} },
        400,
      ],
      ['invoices with an unknown status', { method: 'GET', url: '/api/invoices?status=unpaid' }, 400],
      ['invoice with a malformed id', { method: 'GET', url: '/api/invoices/in_123' }, 400],
      ['invoice that does not exist', { method: 'GET', url: `/api/invoices/${missing}` }, 404],
      ['an unknown route', { method: 'GET', url: '/api/nothing-here' }, 404],
    ];
  };

  it('answers every malformed request with the expected 4xx problem+json', async () => {
    const results = [];
    for (const [name, probe, expected] of probes()) {
      const response = await h.app.inject({
        method: probe.method,
        url: probe.url,
        headers: {
          ...world.headers.platform_admin,
          ...(probe.contentType ? { 'content-type': probe.contentType } : {}),
        },
        ...(probe.raw !== undefined
          ? { payload: probe.raw }
          : probe.payload !== undefined
            ? { payload: probe.payload as object }
            : {}),
      });
      const body = response.json();
      results.push({
        name,
        status: response.statusCode,
        type: response.headers['content-type'],
        problem: body.status === response.statusCode && typeof body.detail === 'string',
      });
      expect({ name, status: response.statusCode }).toEqual({ name, status: expected });
    }
    for (const result of results) {
      expect(result.type).toContain('application/problem+json');
      expect(result.problem).toBe(true);
    }
  });

  it('names the offending fields of a validation error', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { companyName: 'X', email: 'nope', password: '1' },
    });
    expect(response.statusCode).toBe(400);
    const paths = response
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['body.companyName', 'body.email', 'body.name', 'body.password']);
  });

  it('answers a duplicate email with 409 and loses nothing', async () => {
    const payload = {
      email: world.users.customer_user.email,
      name: 'Dup',
      role: 'customer_user',
      password: 'long-enough-1',
    };
    const response = await h.app.inject({
      method: 'POST',
      url: `/api/tenants/${world.tenant.id}/users`,
      headers: world.headers.customer_admin,
      payload,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors).toEqual([{ path: 'email', message: 'already registered' }]);
    const me = await h.app.inject({ url: '/api/auth/me', headers: world.headers.customer_user });
    expect(me.json().user.name).toBe('Test customer_user');
  });
});

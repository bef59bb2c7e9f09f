import type { InjectOptions } from 'fastify';
import { SupportTicket } from '../db/entities';
import { inScope } from '../db/scope';
import { createHarness, type Harness } from './support/harness';
import { bearerFor, makeTenant, makeUser, makeWorld } from './support/factories';

type Headers = { authorization: string };

/** Support tickets: customers talk to support about their own tenant; staff work every tenant's in one inbox. */
describe('support tickets', () => {
  let h: Harness;
  let a: Awaited<ReturnType<typeof makeWorld>>;
  let b: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    h = await createHarness();
    a = await makeWorld(h.orm, h.app);
    b = await makeWorld(h.orm, h.app);
  });
  afterAll(() => h.close());

  const call = async (headers: Headers, options: InjectOptions) => h.app.inject({ ...options, headers });
  const openTicket = async (headers: Headers, payload: Record<string, unknown> = {}) => {
    const response = await call(headers, {
      method: 'POST',
      url: '/api/support/tickets',
      payload: { subject: 'Bot does not answer', body: 'Calls ring out since this morning.', ...payload },
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; status: string }>();
  };
  const reply = (headers: Headers, ticketId: string, body = 'Any news?') =>
    call(headers, { method: 'POST', url: `/api/support/tickets/${ticketId}/messages`, payload: { body } });
  const patch = (headers: Headers, ticketId: string, payload: Record<string, unknown>) =>
    call(headers, { method: 'PATCH', url: `/api/support/tickets/${ticketId}`, payload });
  const statusOf = async (ticketId: string) =>
    (await call(a.headers.support, { url: `/api/support/tickets/${ticketId}` })).json().status;

  it('lets a customer open, list, read and reply to a ticket of their own tenant', async () => {
    const created = await openTicket(a.headers.customer_user, { subject: '  Greeting is cut off  ' });
    expect(created).toEqual({
      id: expect.any(String),
      tenantId: a.tenant.id,
      tenantName: a.tenant.name,
      subject: 'Greeting is cut off',
      body: 'Calls ring out since this morning.',
      status: 'open',
      priority: 'normal',
      authorUserId: a.users.customer_user.id,
      authorName: 'Test customer_user',
      messageCount: 0,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });

    const list = await call(a.headers.customer_admin, { url: '/api/support/tickets' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ page: 1, pageSize: 20 });
    expect(list.json().items.map((t: { id: string }) => t.id)).toContain(created.id);

    const message = await reply(a.headers.customer_admin, created.id, 'It happens on every call.');
    expect(message.statusCode).toBe(201);
    expect(message.json()).toEqual({
      id: expect.any(String),
      authorUserId: a.users.customer_admin.id,
      authorName: 'Test customer_admin',
      authorRole: 'customer_admin',
      body: 'It happens on every call.',
      createdAt: expect.any(String),
    });

    const detail = await call(a.headers.customer_user, { url: `/api/support/tickets/${created.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ id: created.id, messageCount: 1, status: 'open' });
    expect(detail.json().messages).toEqual([message.json()]);
  });

  it('shows platform staff an inbox across tenants with tenant names, filtered by tenant on request', async () => {
    const ofA = await openTicket(a.headers.customer_user, { priority: 'high' });
    const ofB = await openTicket(b.headers.customer_admin);
    for (const role of ['support', 'platform_admin'] as const) {
      const inbox = await call(a.headers[role], { url: '/api/support/tickets?pageSize=100' });
      expect(inbox.statusCode).toBe(200);
      const byId = new Map(inbox.json().items.map((t: { id: string }) => [t.id, t]));
      expect(byId.get(ofA.id)).toMatchObject({ tenantId: a.tenant.id, tenantName: a.tenant.name, priority: 'high' });
      expect(byId.get(ofB.id)).toMatchObject({ tenantId: b.tenant.id, tenantName: b.tenant.name });
    }
    const onlyB = await call(a.headers.support, { url: `/api/support/tickets?pageSize=100&tenantId=${b.tenant.id}` });
    expect(onlyB.json().items.length).toBeGreaterThan(0);
    expect(new Set(onlyB.json().items.map((t: { tenantId: string }) => t.tenantId))).toEqual(new Set([b.tenant.id]));
    const urgentOfA = await call(a.headers.support, {
      url: `/api/support/tickets?tenantId=${a.tenant.id}&priority=high&status=open`,
    });
    expect(urgentOfA.json().items.map((t: { id: string }) => t.id)).toEqual([ofA.id]);
  });

  it('lets staff open a ticket on behalf of a tenant, whose customers then see the staff author by name', async () => {
    const missing = await call(a.headers.support, {
      method: 'POST',
      url: '/api/support/tickets',
      payload: { subject: 'Your number changes tonight', body: 'Heads-up from support.' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ path: 'body.tenantId', message: 'required for platform staff' }]);

    const created = await openTicket(a.headers.support, { tenantId: a.tenant.id, subject: 'Your number changes' });
    expect(created).toMatchObject({
      tenantId: a.tenant.id,
      authorUserId: a.users.support.id,
      authorName: 'Test support',
    });
    await reply(a.headers.platform_admin, created.id, 'The new number is live.');

    const seenByCustomer = await call(a.headers.customer_user, { url: `/api/support/tickets/${created.id}` });
    expect(seenByCustomer.json()).toMatchObject({ authorName: 'Test support', tenantName: a.tenant.name });
    expect(seenByCustomer.json().messages).toEqual([
      expect.objectContaining({
        authorUserId: a.users.platform_admin.id,
        authorName: 'Test platform_admin',
        authorRole: 'platform_admin',
      }),
    ]);
  });

  it('leaves an open ticket pending after a staff reply and re-opens it when the customer answers', async () => {
    const ticket = await openTicket(a.headers.customer_user);
    expect((await reply(a.headers.support, ticket.id)).statusCode).toBe(201);
    expect(await statusOf(ticket.id)).toBe('pending');
    expect((await reply(a.headers.customer_user, ticket.id)).statusCode).toBe(201);
    expect(await statusOf(ticket.id)).toBe('open');
    expect((await patch(a.headers.support, ticket.id, { status: 'resolved' })).statusCode).toBe(200);
    expect((await reply(a.headers.customer_admin, ticket.id)).statusCode).toBe(201);
    expect(await statusOf(ticket.id)).toBe('open');
  });

  it('lets a customer close their ticket but neither resolve it nor change its priority', async () => {
    const ticket = await openTicket(a.headers.customer_user);
    for (const role of ['customer_admin', 'customer_user'] as const) {
      const resolve = await patch(a.headers[role], ticket.id, { status: 'resolved' });
      expect(resolve.statusCode).toBe(403);
      expect(resolve.json().code).toBe('forbidden');
      expect((await patch(a.headers[role], ticket.id, { priority: 'urgent' })).statusCode).toBe(403);
      expect((await patch(a.headers[role], ticket.id, { status: 'closed', priority: 'low' })).statusCode).toBe(403);
    }
    const close = await patch(a.headers.customer_user, ticket.id, { status: 'closed' });
    expect(close.statusCode).toBe(200);
    expect(close.json()).toMatchObject({ id: ticket.id, status: 'closed', priority: 'normal' });
  });

  it('answers 409 to a reply on a closed ticket and keeps the conversation as it was', async () => {
    const ticket = await openTicket(a.headers.customer_user);
    await patch(a.headers.customer_admin, ticket.id, { status: 'closed' });
    for (const role of ['customer_user', 'support'] as const) {
      const response = await reply(a.headers[role], ticket.id);
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('conflict');
    }
    const detail = await call(a.headers.customer_user, { url: `/api/support/tickets/${ticket.id}` });
    expect(detail.json()).toMatchObject({ status: 'closed', messageCount: 0, messages: [] });
  });

  it('lets support staff set any status and priority, and audits every change', async () => {
    const ticket = await openTicket(a.headers.customer_user);
    for (const [headers, payload] of [
      [a.headers.support, { priority: 'urgent' }],
      [a.headers.support, { status: 'resolved' }],
      [a.headers.platform_admin, { status: 'closed', priority: 'low' }],
      [a.headers.platform_admin, { status: 'open' }],
    ] as const) {
      const response = await patch(headers, ticket.id, payload);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject(payload);
    }
    const rows = await inScope(h.orm, { system: 'test' }, (em) =>
      em.execute(
        `select actor_role, action, tenant_id, details from audit_log where target_id = ? and action = 'ticket.updated' order by created_at, id`,
        [ticket.id],
      ),
    );
    expect(rows.map((row) => row.details)).toEqual(
      expect.arrayContaining([
        { priority: { from: 'normal', to: 'urgent' } },
        { status: { from: 'open', to: 'resolved' } },
        { status: { from: 'resolved', to: 'closed' }, priority: { from: 'urgent', to: 'low' } },
        { status: { from: 'closed', to: 'open' } },
      ]),
    );
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((row) => row.tenant_id))).toEqual(new Set([a.tenant.id]));
  });

  it.each(['customer_admin', 'customer_user'] as const)(
    '%s of tenant A gets 404 for tenant B’s ticket everywhere and never sees it listed',
    async (role) => {
      const ofB = await openTicket(b.headers.customer_user, { subject: 'Secret of tenant B' });
      const headers = a.headers[role];
      const probes: InjectOptions[] = [
        { method: 'GET', url: `/api/support/tickets/${ofB.id}` },
        { method: 'POST', url: `/api/support/tickets/${ofB.id}/messages`, payload: { body: 'Hijack' } },
        { method: 'PATCH', url: `/api/support/tickets/${ofB.id}`, payload: { status: 'closed' } },
        { method: 'PATCH', url: `/api/support/tickets/${ofB.id}`, payload: { status: 'resolved' } },
        {
          method: 'POST',
          url: '/api/support/tickets',
          payload: { subject: 'Planted', body: 'In B', tenantId: b.tenant.id },
        },
      ];
      for (const probe of probes) {
        const response = await call(headers, probe);
        expect({ ...probe, status: response.statusCode }).toEqual({ ...probe, status: 404 });
        expect(response.body).not.toContain('Secret of tenant B');
      }
      for (const url of ['/api/support/tickets?pageSize=100', `/api/support/tickets?tenantId=${b.tenant.id}`]) {
        const list = await call(headers, { url });
        const items = list.json().items as { id: string; tenantId: string }[];
        expect(items.map((t) => t.id)).not.toContain(ofB.id);
        expect(new Set(items.map((t) => t.tenantId))).toEqual(new Set([a.tenant.id]));
      }
      const untouched = await call(b.headers.customer_user, { url: `/api/support/tickets/${ofB.id}` });
      expect(untouched.json()).toMatchObject({ status: 'open', messageCount: 0 });
    },
  );

  it('rejects malformed tickets, replies, patches and queries with 400 and the offending field paths', async () => {
    const ticket = await openTicket(a.headers.customer_user);
    const cases: [InjectOptions, string[]][] = [
      [
        {
          method: 'POST',
          url: '/api/support/tickets',
          payload: { subject: 'ab', body: '   ', priority: 'asap', tenantId: 'nope' },
        },
        ['body.body', 'body.priority', 'body.subject', 'body.tenantId'],
      ],
      [
        { method: 'POST', url: '/api/support/tickets', payload: { subject: 'x'.repeat(151) } },
        ['body.body', 'body.subject'],
      ],
      [
        { method: 'POST', url: `/api/support/tickets/${ticket.id}/messages`, payload: { body: 'x'.repeat(5001) } },
        ['body.body'],
      ],
      [{ method: 'PATCH', url: `/api/support/tickets/${ticket.id}`, payload: { status: 'deleted' } }, ['body.status']],
      [{ method: 'PATCH', url: `/api/support/tickets/${ticket.id}`, payload: {} }, ['body']],
      [
        { method: 'GET', url: '/api/support/tickets?status=new&priority=meh' },
        ['querystring.priority', 'querystring.status'],
      ],
      [{ method: 'GET', url: '/api/support/tickets?page=0&tenantId=1' }, ['querystring.page', 'querystring.tenantId']],
      [{ method: 'GET', url: '/api/support/tickets/not-a-uuid' }, ['params.id']],
    ];
    for (const [options, paths] of cases) {
      const response = await call(a.headers.customer_admin, options);
      expect({ url: options.url, status: response.statusCode }).toEqual({ url: options.url, status: 400 });
      expect(
        response
          .json()
          .errors.map((e: { path: string }) => e.path)
          .sort(),
      ).toEqual(paths);
    }
  });

  it('pages through a tenant’s tickets by latest activity with the total count', async () => {
    const tenant = await makeTenant(h.orm);
    const user = await makeUser(h.orm, 'customer_user', tenant.id);
    const headers = await bearerFor(h.app, user);
    const ids = await inScope(h.orm, { system: 'test' }, async (em) => {
      const tickets = [0, 1, 2, 3, 4].map((n) =>
        em.create(SupportTicket, {
          tenantId: tenant.id,
          authorUserId: user.id,
          subject: `Ticket ${n}`,
          body: 'b',
          status: 'open',
          updatedAt: new Date(Date.UTC(2026, 0, 1 + n)),
        }),
      );
      await em.flush();
      return tickets.map((ticket) => ticket.id);
    });
    const page2 = await call(headers, { url: '/api/support/tickets?page=2&pageSize=2' });
    expect(page2.statusCode).toBe(200);
    expect(page2.json()).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(page2.json().items.map((t: { id: string }) => t.id)).toEqual([ids[2], ids[1]]);
    const page3 = await call(headers, { url: '/api/support/tickets?page=3&pageSize=2' });
    expect(page3.json().items.map((t: { id: string }) => t.id)).toEqual([ids[0]]);

    await reply(headers, ids[0]!, 'Still broken.');
    const first = await call(headers, { url: '/api/support/tickets?pageSize=1' });
    expect(first.json().items.map((t: { id: string; messageCount: number }) => [t.id, t.messageCount])).toEqual([
      [ids[0], 1],
    ]);
  });

  it('answers 401 to anonymous callers on every ticket route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url, payload] of [
      ['GET', '/api/support/tickets', undefined],
      ['POST', '/api/support/tickets', { subject: 'Hello', body: 'World' }],
      ['GET', `/api/support/tickets/${id}`, undefined],
      ['POST', `/api/support/tickets/${id}/messages`, { body: 'Hi' }],
      ['PATCH', `/api/support/tickets/${id}`, { status: 'closed' }],
    ] as const) {
      const response = await h.app.inject({ method, url, payload });
      expect({ method, url, status: response.statusCode }).toEqual({ method, url, status: 401 });
    }
  });
});

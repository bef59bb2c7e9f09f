import { randomUUID } from 'node:crypto';
import type { InvoiceStatus } from '../../contracts/invoice-status';
import { BillingAccount, Invoice } from '../../db/entities';
import { inScope } from '../../db/scope';
import { recordAudit } from '../../domain/audit/record-audit';
import { adminInvoicesCsv } from '../../domain/billing/admin-invoices-csv';
import { periodDays } from '../../domain/billing/billing-period';
import { makeTenant, makeWorld, subscribeTenant } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';

const DAY_MS = 86_400_000;

/**
 * The admin Billing page's API against the real database. Its periods lie in the first half of 2020, before any
 * other suite's tenants are billable (the browser test's subscribe from August 2020, the invoicing suite's from
 * December), so the counts here are this suite's own.
 */
describe('admin billing API', () => {
  let h: Harness;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    h = await createHarness();
    world = await makeWorld(h.orm, h.app);
  });
  afterAll(() => h.close());

  const get = (url: string, headers = world.headers.platform_admin) => h.app.inject({ url, headers });

  /** A tenant subscribed since January 2020; with a billing account, a period's run bills it. */
  async function tenant(name: string, { billable = true } = {}) {
    const made = await makeTenant(h.orm, { name: `${name} ${randomUUID().slice(0, 6)}` });
    const subscription = await subscribeTenant(h.orm, made.id, 'pro');
    await inScope(h.orm, { system: 'test' }, async (em) => {
      await em.execute(`update subscriptions set created_at = '2020-01-15' where id = ?`, [subscription.id]);
      if (billable) {
        em.create(BillingAccount, {
          tenantId: made.id,
          stripeCustomerId: `cus_${randomUUID().slice(0, 8)}`,
          email: `billing-${made.id}@example.test`,
          currency: 'EUR',
        });
        await em.flush();
      }
    });
    return made;
  }

  const invoice = (
    tenantId: string,
    period: string,
    status: InvoiceStatus,
    totalCents: number,
    extra: Partial<Pick<Invoice, 'stripeInvoiceId' | 'failureReason' | 'hostedInvoiceUrl' | 'pdfUrl'>> = {},
  ) =>
    inScope(h.orm, { system: 'test' }, async (em) => {
      const { start, end } = periodDays(period);
      const stripeId = status === 'failed' || totalCents === 0 ? null : `in_${randomUUID().slice(0, 12)}`;
      const made = em.create(Invoice, {
        tenantId,
        periodStart: start,
        periodEnd: end,
        status,
        currency: 'EUR',
        totalCents,
        workflowId: `invoice-${tenantId}-${period}`,
        stripeInvoiceId: stripeId,
        hostedInvoiceUrl: stripeId ? `https://invoice.stripe.test/${stripeId}` : null,
        pdfUrl: stripeId ? `https://invoice.stripe.test/${stripeId}/pdf` : null,
        ...extra,
      });
      await em.flush();
      return made;
    });

  const ENDPOINTS = [
    '/api/billing/admin/invoice-runs',
    '/api/billing/admin/invoice-runs/tenants?period=2020-03',
    '/api/billing/admin/invoices',
    '/api/billing/admin/invoices.csv',
    '/api/billing/admin/past-due',
    '/api/billing/admin/plan-changes',
  ];

  it('answers platform staff and refuses customer roles with 403 problem+json, everyone else with 401', async () => {
    for (const url of ENDPOINTS) {
      for (const role of ['platform_admin', 'support'] as const) {
        expect({ url, role, status: (await get(url, world.headers[role])).statusCode }).toEqual({
          url,
          role,
          status: 200,
        });
      }
      for (const role of ['customer_admin', 'customer_user'] as const) {
        const refused = await get(url, world.headers[role]);
        expect({ url, role, status: refused.statusCode }).toEqual({ url, role, status: 403 });
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(refused.json().detail).toContain('billing:overview');
      }
      expect((await h.app.inject({ url })).statusCode).toBe(401);
    }
  });

  it('answers a malformed query or period with 400 problem+json naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['/api/billing/admin/invoice-runs/tenants?period=2020-13', 'querystring.period'],
      ['/api/billing/admin/invoice-runs/tenants', 'querystring.period'],
      ['/api/billing/admin/invoice-runs/tenants?period=2020-03&status=stuck', 'querystring.status'],
      ['/api/billing/admin/invoices?period=2020-3', 'querystring.period'],
      ['/api/billing/admin/invoices?tenantId=nope', 'querystring.tenantId'],
      ['/api/billing/admin/invoices.csv?status=owed', 'querystring.status'],
      ['/api/billing/admin/past-due?pageSize=101', 'querystring.pageSize'],
      ['/api/billing/admin/plan-changes?page=0', 'querystring.page'],
    ];
    for (const [url, path] of cases) {
      const response = await get(url);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((error: { path: string }) => error.path)).toContain(path);
    }
    const unknown = await get('/api/billing/admin/invoices?perPage=5');
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('perPage');
  });

  describe('a period with every kind of run', () => {
    const period = '2020-03';
    const tenants: Record<string, Awaited<ReturnType<typeof tenant>>> = {};
    beforeAll(async () => {
      for (const name of ['Alder', 'Birch', 'Cedar', 'Damson', 'Elm', 'Fir']) tenants[name] = await tenant(name);
      tenants.Gorse = await tenant('Gorse', { billable: false });
      await invoice(tenants.Alder!.id, period, 'open', 4_900);
      await invoice(tenants.Birch!.id, period, 'paid', 2_505);
      await invoice(tenants.Cedar!.id, period, 'failed', 7_000, { failureReason: 'Stripe refused to finalize' });
      await invoice(tenants.Damson!.id, period, 'draft', 1_000);
      await invoice(tenants.Elm!.id, period, 'paid', 0);
      // Gorse has no billing account, so no run of another suite ever adds an invoice of its own to these.
      await invoice(tenants.Gorse!.id, '2020-01', 'paid', 4_900);
      await invoice(tenants.Gorse!.id, '2020-02', 'void', 4_900);
    });

    it('counts its tenants per run status and sums what was billed and paid', async () => {
      const response = await get(`/api/billing/admin/invoice-runs/tenants?period=${period}`);
      expect(response.statusCode).toBe(200);
      const detail = response.json();
      expect(detail).toMatchObject({
        period,
        counts: { not_invoiced: 1, in_progress: 1, failed: 1, finalized: 2, no_charge: 1 },
        billed: [{ currency: 'EUR', totalCents: 4_900 + 2_505 }],
        paid: [{ currency: 'EUR', totalCents: 2_505 }],
        // The draft is still on its way to Stripe.
        refreshing: true,
        total: 6,
        page: 1,
        pageSize: 20,
      });
      const byName = detail.items.map((item: { tenantName: string; status: string }) => [
        item.tenantName.split(' ')[0],
        item.status,
      ]);
      // By name; Gorse, which no run would bill and has no invoice of March, is not part of the period.
      expect(byName).toEqual([
        ['Alder', 'finalized'],
        ['Birch', 'finalized'],
        ['Cedar', 'failed'],
        ['Damson', 'in_progress'],
        ['Elm', 'no_charge'],
        ['Fir', 'not_invoiced'],
      ]);
      const alder = detail.items[0];
      expect(alder).toMatchObject({ invoiceStatus: 'open', totalCents: 4_900, currency: 'EUR' });
      expect(alder.workflowUrl).toContain(encodeURIComponent(`invoice-${tenants.Alder!.id}-${period}`));
      expect(alder.hostedInvoiceUrl).toMatch(/^https:\/\/invoice\.stripe\.test\//);
      expect(detail.items[5]).toMatchObject({ invoiceId: null, workflowUrl: null, totalCents: null });

      const periods = (await get('/api/billing/admin/invoice-runs?pageSize=100')).json();
      const march = periods.items.find((item: { period: string }) => item.period === period);
      expect(march).toEqual({
        period,
        counts: detail.counts,
        billed: detail.billed,
        paid: detail.paid,
        lastStartedAt: null,
      });
      const shown = periods.items.map((item: { period: string }) => item.period);
      expect(shown.indexOf('2020-03')).toBeLessThan(shown.indexOf('2020-02'));
    });

    it('filters the tenants by run status and pages them', async () => {
      const failed = (await get(`/api/billing/admin/invoice-runs/tenants?period=${period}&status=failed`)).json();
      expect(failed.total).toBe(1);
      expect(failed.items).toEqual([
        expect.objectContaining({
          tenantId: tenants.Cedar!.id,
          status: 'failed',
          invoiceStatus: 'failed',
          failureReason: 'Stripe refused to finalize',
        }),
      ]);
      const pages = [1, 2, 3, 4].map((page) =>
        get(`/api/billing/admin/invoice-runs/tenants?period=${period}&pageSize=2&page=${page}`),
      );
      const names = await Promise.all(pages.map(async (page) => (await page).json()));
      expect(names.map((page) => page.items.length)).toEqual([2, 2, 2, 0]);
      expect(names.every((page) => page.total === 6)).toBe(true);
      expect(new Set(names.flatMap((page) => page.items.map((item: { tenantId: string }) => item.tenantId))).size).toBe(
        6,
      );
    });

    it('pages every tenant’s invoices by status, period and tenant, with names and document links', async () => {
      const paid = (await get(`/api/billing/admin/invoices?period=${period}&status=paid`)).json();
      expect(paid.total).toBe(2);
      expect(paid.items.map((item: { tenantId: string }) => item.tenantId)).toEqual([
        tenants.Birch!.id,
        tenants.Elm!.id,
      ]);
      expect(paid.items[0]).toMatchObject({
        period,
        periodStart: '2020-03-01',
        periodEnd: '2020-03-31',
        tenantName: tenants.Birch!.name,
        status: 'paid',
        totalCents: 2_505,
        hostedInvoiceUrl: expect.stringMatching(/^https:/),
        pdfUrl: expect.stringMatching(/\/pdf$/),
      });

      const gorse = (await get(`/api/billing/admin/invoices?tenantId=${tenants.Gorse!.id}`)).json();
      expect(gorse.items.map((item: { period: string }) => item.period)).toEqual(['2020-02', '2020-01']);
      const second = (await get(`/api/billing/admin/invoices?tenantId=${tenants.Gorse!.id}&pageSize=1&page=2`)).json();
      expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ period: '2020-01', status: 'paid' }] });
      const voided = (await get(`/api/billing/admin/invoices?tenantId=${tenants.Gorse!.id}&status=void`)).json();
      expect(voided.items).toEqual([expect.objectContaining({ period: '2020-02', tenantName: tenants.Gorse!.name })]);
    });

    it('exports the matching invoices as CSV with exact amounts', async () => {
      const response = await get(`/api/billing/admin/invoices.csv?period=${period}&status=paid`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="invoices-${period}.csv"`);
      const [header, ...rows] = response.body.trimEnd().split('\r\n');
      expect(header).toBe(
        'period,tenant,tenant_id,invoice_id,number,status,currency,total,issued_at,finalized_at,hosted_invoice_url,pdf_url',
      );
      expect(rows).toHaveLength(2);
      expect(rows[0]!.split(',').slice(0, 3)).toEqual([period, tenants.Birch!.name, tenants.Birch!.id]);
      expect(rows.map((row) => row.split(',')[7])).toEqual(['25.05', '0.00']);
    });

    it('refuses an export of more invoices than it holds, and takes one of exactly as many', async () => {
      // The cap lowered to Gorse's two invoices, so no test has to store ten thousand.
      const exportAtMost = (maxInvoices: number) =>
        adminInvoicesCsv(
          { orm: h.orm, invoicing: { link: (workflowId) => workflowId } },
          {
            actor: { userId: world.users.platform_admin.id, role: 'platform_admin', tenantId: null },
            filter: { tenantId: tenants.Gorse!.id },
            maxInvoices,
          },
        );
      await expect(exportAtMost(1)).rejects.toMatchObject({
        code: 'unprocessable',
        message: '2 invoices match; an export holds at most 1: filter by period or status',
      });
      expect((await exportAtMost(2)).trimEnd().split('\r\n')).toHaveLength(3);
    });
  });

  it('keeps a tenant’s name a spreadsheet would run as a formula as quoted text in the export', async () => {
    const made = await makeTenant(h.orm, { name: `=HYPERLINK("https://evil.test"), ${randomUUID().slice(0, 6)}` });
    await invoice(made.id, '2020-05', 'open', 123_456);
    const response = await get(`/api/billing/admin/invoices.csv?tenantId=${made.id}`);
    const row = response.body.split('\r\n')[1]!;
    expect(row.startsWith(`2020-05,"'=HYPERLINK(""https://evil.test""), `)).toBe(true);
    expect(row).toContain(',open,EUR,1234.56,');
  });

  it('lists a run started by hand with its Temporal link, and refreshes until its tenant has an invoice', async () => {
    const period = '2020-04';
    const billed = await tenant('Hazel');
    const started = await h.app.inject({
      method: 'POST',
      url: '/api/billing/invoice/run',
      headers: world.headers.platform_admin,
      payload: { period, tenantId: billed.id },
    });
    expect(started.statusCode).toBe(202);

    const waiting = (await get(`/api/billing/admin/invoice-runs/tenants?period=${period}&status=not_invoiced`)).json();
    expect(waiting.refreshing).toBe(true);
    expect(waiting.items.map((item: { tenantId: string }) => item.tenantId)).toContain(billed.id);
    expect(waiting.starts[0]).toEqual({
      workflowId: `invoice-${billed.id}-${period}`,
      workflowUrl: expect.stringContaining(encodeURIComponent(`invoice-${billed.id}-${period}`)),
      tenantId: billed.id,
      tenantName: billed.name,
      startedAt: expect.any(String),
      startedBy: 'Test platform_admin',
    });
    const periods = (await get('/api/billing/admin/invoice-runs?pageSize=100')).json();
    expect(periods.items.find((item: { period: string }) => item.period === period).lastStartedAt).toBe(
      waiting.starts[0].startedAt,
    );

    // This suite's other tenants are billable in April too: only once each has an invoice is the period settled.
    const april = (
      await get(`/api/billing/admin/invoice-runs/tenants?period=${period}&status=not_invoiced&pageSize=100`)
    ).json();
    for (const { tenantId } of april.items) await invoice(tenantId, period, 'paid', 0);
    const settled = (await get(`/api/billing/admin/invoice-runs/tenants?period=${period}`)).json();
    expect(settled).toMatchObject({ refreshing: false, counts: { not_invoiced: 0, no_charge: april.total } });
  });

  it('lists past-due tenants, longest overdue first, with what they owe and when dunning stops their calls', async () => {
    const ago = (days: number) => new Date(Date.now() - days * DAY_MS);
    /** A tenant past due since `days` ago, with the suspension dunning scheduled (and carried out) if any. */
    const pastDue = async (name: string, days: number, dunning: { dueAt?: Date; suspendedAt?: Date } = {}) => {
      const made = await tenant(name);
      const subscription = await subscribeTenant(h.orm, made.id, 'pro', {
        status: 'past_due',
        pastDueSince: ago(days),
      });
      await inScope(h.orm, { system: 'test' }, (em) =>
        em.execute(`update subscriptions set suspension_due_at = ?, suspended_at = ? where id = ?`, [
          dunning.dueAt ?? null,
          dunning.suspendedAt ?? null,
          subscription.id,
        ]),
      );
      return made;
    };
    const suspended = await pastDue('Larch', 20, { dueAt: ago(6), suspendedAt: ago(6) });
    const reminded = await pastDue('Juniper', 3, { dueAt: new Date(Date.now() + 11 * DAY_MS) });
    const fresh = await pastDue('Maple', 1);
    await invoice(reminded.id, '2020-06', 'open', 4_900);
    await invoice(reminded.id, '2020-07', 'uncollectible', 1_000);
    await invoice(reminded.id, '2020-05', 'paid', 500);

    const list = (await get('/api/billing/admin/past-due?pageSize=100')).json();
    const mine = list.items.filter((item: { tenantId: string }) =>
      [suspended.id, reminded.id, fresh.id].includes(item.tenantId),
    );
    expect(mine.map((item: { tenantId: string }) => item.tenantId)).toEqual([suspended.id, reminded.id, fresh.id]);
    expect(mine[0]).toMatchObject({ callsRefused: true, daysUntilCallsRefused: 0, outstanding: [], unpaidInvoices: 0 });
    expect(mine[1]).toMatchObject({
      tenantName: reminded.name,
      tenantStatus: 'active',
      planCode: 'pro',
      planName: 'Pro',
      daysUntilCallsRefused: 11,
      callsRefused: false,
      outstanding: [{ currency: 'EUR', totalCents: 5_900 }],
      unpaidInvoices: 2,
    });
    expect(Date.parse(mine[1].callsRefusedFrom) - Date.parse(mine[1].pastDueSince)).toBeGreaterThan(13 * DAY_MS);
    // Dunning has not scheduled the suspension yet: nobody can say when calls stop.
    expect(mine[2]).toMatchObject({ callsRefusedFrom: null, daysUntilCallsRefused: null, callsRefused: false });

    const first = (await get('/api/billing/admin/past-due?pageSize=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(list.total);
  });

  it('lists plan changes newest first: who moved which tenant from which plan to which', async () => {
    const moved = await makeTenant(h.orm);
    await subscribeTenant(h.orm, moved.id, 'starter');
    for (const planCode of ['pro', 'enterprise']) {
      const response = await h.app.inject({
        method: 'PUT',
        url: `/api/tenants/${moved.id}/plan`,
        headers: world.headers.platform_admin,
        payload: { planCode },
      });
      expect(response.statusCode).toBe(200);
    }
    // A cancelled Stripe subscription moves the tenant back to the default plan, audited as the platform.
    await inScope(h.orm, { system: 'test' }, async (em) => {
      recordAudit(em, {
        actor: { system: 'stripe-webhooks' },
        tenantId: moved.id,
        action: 'subscription.plan_changed',
        targetType: 'subscription',
        details: { from: 'enterprise', to: 'starter' },
      });
      await em.flush();
    });

    const changes = (await get(`/api/billing/admin/plan-changes?tenantId=${moved.id}`)).json();
    expect(changes.total).toBe(3);
    expect(changes.items).toEqual([
      expect.objectContaining({
        tenantId: moved.id,
        tenantName: moved.name,
        from: { code: 'enterprise', name: 'Enterprise' },
        to: { code: 'starter', name: 'Starter' },
        changedBy: { kind: 'system', name: 'stripe-webhooks', userId: null, role: null },
      }),
      expect.objectContaining({
        from: { code: 'pro', name: 'Pro' },
        to: { code: 'enterprise', name: 'Enterprise' },
        changedBy: {
          kind: 'user',
          name: 'Test platform_admin',
          userId: world.users.platform_admin.id,
          role: 'platform_admin',
        },
      }),
      expect.objectContaining({ from: { code: 'starter', name: 'Starter' }, to: { code: 'pro', name: 'Pro' } }),
    ]);
    const times = changes.items.map((item: { changedAt: string }) => Date.parse(item.changedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const all = (await get('/api/billing/admin/plan-changes?pageSize=1')).json();
    expect(all.items).toHaveLength(1);
    expect(all.total).toBeGreaterThanOrEqual(3);
  });
});

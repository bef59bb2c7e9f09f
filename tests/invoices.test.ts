import { randomUUID } from 'node:crypto';
import { Invoice, InvoiceLine } from '../db/entities';
import type { Orm } from '../db/orm';
import { inScope } from '../db/scope';
import { createHarness, type Harness } from './support/harness';
import { makeWorld } from './support/factories';

type Line = { kind: string; description: string; quantity: number; unitPriceCents: number };

async function makeInvoice(
  orm: Orm,
  tenantId: string,
  invoice: { periodStart: string; periodEnd: string; status: Invoice['status'] },
  lines: Line[],
): Promise<string> {
  return inScope(orm, { system: 'test' }, async (em) => {
    const priced = lines.map((line) => ({ ...line, amountCents: line.quantity * line.unitPriceCents }));
    const stripeId = `in_test_${randomUUID().slice(0, 8)}`;
    const created = em.create(Invoice, {
      tenantId,
      ...invoice,
      stripeInvoiceId: stripeId,
      currency: 'EUR',
      totalCents: priced.reduce((sum, line) => sum + line.amountCents, 0),
      hostedInvoiceUrl: `https://invoice.stripe.com/i/${stripeId}`,
      pdfUrl: `https://invoice.stripe.com/i/${stripeId}/pdf`,
    });
    await em.flush();
    for (const line of priced) {
      em.create(InvoiceLine, {
        tenantId,
        invoiceId: created.id,
        sourcePeriod: invoice.periodStart.slice(0, 7),
        ...line,
      });
    }
    await em.flush();
    return created.id;
  });
}

const PLAN: Line = { kind: 'plan', description: 'Starter plan', quantity: 1, unitPriceCents: 4900 };
const MINUTES: Line = { kind: 'minutes', description: 'Minutes beyond 500', quantity: 112, unitPriceCents: 9 };

/** Invoices are read per tenant: customers their own, platform staff every tenant's. */
describe('invoices', () => {
  let h: Harness;
  let a: Awaited<ReturnType<typeof makeWorld>>;
  let b: Awaited<ReturnType<typeof makeWorld>>;
  let march: string;
  let april: string;
  let ofB: string;
  beforeAll(async () => {
    h = await createHarness();
    a = await makeWorld(h.orm, h.app);
    b = await makeWorld(h.orm, h.app);
    march = await makeInvoice(
      h.orm,
      a.tenant.id,
      { periodStart: '2026-03-01', periodEnd: '2026-03-31', status: 'paid' },
      [PLAN, MINUTES],
    );
    april = await makeInvoice(
      h.orm,
      a.tenant.id,
      { periodStart: '2026-04-01', periodEnd: '2026-04-30', status: 'open' },
      [PLAN],
    );
    ofB = await makeInvoice(
      h.orm,
      b.tenant.id,
      { periodStart: '2026-04-01', periodEnd: '2026-04-30', status: 'open' },
      [PLAN],
    );
  });
  afterAll(() => h.close());

  it.each(['customer_admin', 'customer_user'] as const)(
    'shows a %s only their own tenant’s invoices, newest period first',
    async (role) => {
      const response = await h.app.inject({ url: '/api/invoices?pageSize=100', headers: a.headers[role] });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ page: 1, pageSize: 100, total: 2 });
      expect(response.json().items.map((i: { id: string }) => i.id)).toEqual([april, march]);
      const other = await h.app.inject({ url: `/api/invoices?tenantId=${b.tenant.id}`, headers: a.headers[role] });
      expect(other.json().items.map((i: { id: string }) => i.id)).toEqual([april, march]);
    },
  );

  it('describes each invoice with its period, status, total and Stripe links', async () => {
    const response = await h.app.inject({ url: '/api/invoices?status=paid', headers: a.headers.customer_user });
    expect(response.json().items).toEqual([
      {
        id: march,
        tenantId: a.tenant.id,
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
        status: 'paid',
        currency: 'EUR',
        totalCents: 4900 + 112 * 9,
        hostedInvoiceUrl: expect.stringMatching(/^https:\/\/invoice\.stripe\.com\/i\/in_test_/),
        pdfUrl: expect.stringMatching(/\/pdf$/),
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      },
    ]);
  });

  it('returns an invoice with its lines, which add up to its total', async () => {
    const response = await h.app.inject({ url: `/api/invoices/${march}`, headers: a.headers.customer_admin });
    expect(response.statusCode).toBe(200);
    const invoice = response.json();
    expect(invoice).toMatchObject({ id: march, status: 'paid', totalCents: 5908 });
    expect(invoice.lines).toEqual([
      {
        id: expect.any(String),
        kind: 'minutes',
        description: 'Minutes beyond 500',
        quantity: 112,
        unitPriceCents: 9,
        amountCents: 1008,
      },
      {
        id: expect.any(String),
        kind: 'plan',
        description: 'Starter plan',
        quantity: 1,
        unitPriceCents: 4900,
        amountCents: 4900,
      },
    ]);
    expect(invoice.lines.reduce((sum: number, line: { amountCents: number }) => sum + line.amountCents, 0)).toBe(
      invoice.totalCents,
    );
  });

  it.each(['customer_admin', 'customer_user'] as const)(
    'answers 404 to a %s asking for another tenant’s invoice',
    async (role) => {
      const response = await h.app.inject({ url: `/api/invoices/${ofB}`, headers: a.headers[role] });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
      expect(response.body).not.toContain(b.tenant.id);
    },
  );

  it('shows platform staff every tenant’s invoices and filters them by tenant and status', async () => {
    for (const role of ['support', 'platform_admin'] as const) {
      const all = await h.app.inject({ url: '/api/invoices?pageSize=100', headers: a.headers[role] });
      expect(all.statusCode).toBe(200);
      expect(all.json().items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([march, april, ofB]));
      const one = await h.app.inject({ url: `/api/invoices/${ofB}`, headers: a.headers[role] });
      expect(one.json()).toMatchObject({ id: ofB, tenantId: b.tenant.id, lines: [expect.objectContaining(PLAN)] });
    }
    const ofTenantB = await h.app.inject({ url: `/api/invoices?tenantId=${b.tenant.id}`, headers: a.headers.support });
    expect(ofTenantB.json()).toMatchObject({ total: 1, items: [{ id: ofB }] });
    const openOfA = await h.app.inject({
      url: `/api/invoices?tenantId=${a.tenant.id}&status=open`,
      headers: a.headers.support,
    });
    expect(openOfA.json().items.map((i: { id: string }) => i.id)).toEqual([april]);
  });

  it('pages through invoices with the total count', async () => {
    const page2 = await h.app.inject({ url: '/api/invoices?page=2&pageSize=1', headers: a.headers.customer_user });
    expect(page2.json()).toMatchObject({ page: 2, pageSize: 1, total: 2, items: [{ id: march }] });
  });

  it('rejects a malformed query or id with 400 and the offending field path', async () => {
    const cases: [string, string[]][] = [
      ['/api/invoices?status=unpaid', ['querystring.status']],
      ['/api/invoices?tenantId=nope&pageSize=0', ['querystring.pageSize', 'querystring.tenantId']],
      ['/api/invoices/not-a-uuid', ['params.id']],
    ];
    for (const [url, paths] of cases) {
      const response = await h.app.inject({ url, headers: a.headers.customer_admin });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(
        response
          .json()
          .errors.map((e: { path: string }) => e.path)
          .sort(),
      ).toEqual(paths);
    }
  });

  it('answers 404 for an invoice that does not exist and 401 to anonymous callers', async () => {
    const missing = await h.app.inject({
      url: '/api/invoices/00000000-0000-4000-8000-000000000000',
      headers: a.headers.platform_admin,
    });
    expect(missing.statusCode).toBe(404);
    for (const url of ['/api/invoices', `/api/invoices/${march}`]) {
      expect((await h.app.inject({ url })).statusCode).toBe(401);
    }
  });
});

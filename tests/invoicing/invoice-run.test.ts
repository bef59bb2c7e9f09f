import { randomUUID } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { createStripeBillingProvider } from '../../activities/adapters/stripe-billing';
import type { BillingProvider } from '../../activities/adapters/billing-provider';
import { loadPricingCatalog } from '../../config/pricing';
import { BillingAccount, Invoice, InvoiceLine } from '../../db/entities';
import { inScope } from '../../db/scope';
import { rateUsage } from '../../domain/billing/rate-usage';
import { simControl } from '../../sim/sim-control';
import { invoicingScheduleId, ensureInvoicingSchedule } from '../../temporal/invoicing-schedule';
import { invoiceTenant, invoiceWorkflowId } from '../../workflows/invoice-tenant';
import { monthlyInvoicing } from '../../workflows/monthly-invoicing';
import { bearerFor, makeTenant, makeUser, subscribeTenant } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';
import { startTestSimulator } from '../support/test-simulator';

const catalog = loadPricingCatalog();
const pro = catalog.plans.find((plan) => plan.id === 'pro')!;
const FAST_RETRY = { maxAttempts: 2, initialIntervalMs: 50, maxIntervalMs: 100 };

/**
 * Invoice runs end to end: Temporal workflows, the real database and the Stripe simulator through the official
 * SDK. Periods are of 2021, and subscriptions are backdated into 2020, so runs over "every billable tenant" see
 * only this suite's tenants on a database other suites share.
 */
describe('invoice runs on Stripe', () => {
  let h: Harness;
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let stripe: BillingProvider;
  let admin: { headers: { authorization: string } };

  beforeAll(async () => {
    sim = await startTestSimulator();
    h = await createHarness({ worker: true, simulatorUrl: sim.url });
    stripe = createStripeBillingProvider({ simulatorUrl: sim.url });
    admin = { headers: await bearerFor(h.app, await makeUser(h.orm, 'platform_admin', null)) };
  });
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });
  afterEach(() => simControl(sim.url).clearFaults());

  /** A tenant on `plan` since 2020 with a Stripe customer, and `usage` per period in its rollup. */
  async function billedTenant(plan: 'starter' | 'pro', usage: Record<string, Record<string, number>> = {}) {
    const tenant = await makeTenant(h.orm);
    const customer = await stripe.createCustomer({
      idempotencyKey: `customer-${tenant.id}`,
      email: `billing-${tenant.id}@example.test`,
      name: tenant.name,
      tenantId: tenant.id,
    });
    const subscription = await subscribeTenant(h.orm, tenant.id, plan);
    await inScope(h.orm, { system: 'test' }, async (em) => {
      await em.execute(`update subscriptions set created_at = '2020-12-01' where id = ?`, [subscription.id]);
      em.create(BillingAccount, {
        tenantId: tenant.id,
        stripeCustomerId: customer.id,
        email: `billing-${tenant.id}@example.test`,
        currency: 'EUR',
      });
      await em.flush();
    });
    for (const [period, kinds] of Object.entries(usage)) await addUsage(tenant.id, period, kinds);
    return { tenantId: tenant.id, customerId: customer.id };
  }

  const addUsage = (tenantId: string, period: string, kinds: Record<string, number>) =>
    inScope(h.orm, { system: 'test' }, async (em) => {
      for (const [kind, quantity] of Object.entries(kinds)) {
        await em.execute(
          `insert into usage_daily (tenant_id, bot_id, day, kind, quantity, events)
           values (?, ?, ?, ?, ?, 1)`,
          [tenantId, randomUUID(), `${period}-15`, kind, quantity],
        );
      }
    });

  /** Every invoice of a period, in tenant order: who was billed, under which Stripe invoice. */
  const invoicesOfPeriod = (period: string) =>
    inScope(h.orm, { system: 'test' }, (em) =>
      em.execute<{ tenant_id: string; id: string; stripe_invoice_id: string | null }[]>(
        `select tenant_id, id, stripe_invoice_id from invoices where period_start = ? order by tenant_id, id`,
        [`${period}-01`],
      ),
    );
  const invoiceOf = (tenantId: string, period: string) =>
    inScope(h.orm, { system: 'test' }, async (em) => {
      const invoice = await em.findOne(Invoice, { tenantId, periodStart: `${period}-01` });
      const lines = invoice
        ? await em.find(InvoiceLine, { invoiceId: invoice.id }, { orderBy: { position: 'asc' } })
        : [];
      return { invoice, lines };
    });

  const runDirectly = (
    tenantId: string,
    period: string,
    workflowId = `${invoiceWorkflowId(tenantId, period)}-direct`,
  ) =>
    h.client.workflow.execute(invoiceTenant, {
      taskQueue: h.target.taskQueue,
      workflowId,
      args: [{ tenantId, period, graceMs: 0, retry: FAST_RETRY }],
    });

  it('bills a period through the API: rated from the rollup, finalized on Stripe, stored with its lines', async () => {
    const usage = { minutes: 3500, call_started: 1200, tts_chars: 600_000 };
    const { tenantId, customerId } = await billedTenant('pro', { '2021-01': usage });

    const response = await h.app.inject({
      method: 'POST',
      url: '/api/billing/invoice/run',
      headers: admin.headers,
      payload: { period: '2021-01', tenantId },
    });
    expect(response.statusCode).toBe(202);
    const started = response.json();
    expect(started.workflowId).toBe(`invoice-${tenantId}-2021-01`);
    expect(started.operatorUrl).toContain(encodeURIComponent(started.workflowId));
    const result = await h.client.workflow.getHandle(started.workflowId).result();

    const expected = rateUsage(pro, usage);
    expect(result).toEqual({ outcome: 'finalized', invoiceId: expect.any(String), totalCents: expected.totalCents });
    const { invoice, lines } = await invoiceOf(tenantId, '2021-01');
    expect(invoice).toMatchObject({ status: expect.stringMatching(/^(open|paid)$/), planCode: 'pro' });
    expect(Number(invoice!.totalCents)).toBe(expected.totalCents);
    expect(invoice!.hostedInvoiceUrl).toMatch(/^http/);
    expect(invoice!.pdfUrl).toMatch(/^http/);
    expect(lines.map((line) => [line.kind, Number(line.amountCents)])).toEqual(
      expected.lines.map((line) => [line.kind, line.amountCents]),
    );

    const atStripe = await stripe.getInvoice(invoice!.stripeInvoiceId!);
    expect(atStripe).toMatchObject({
      customerId,
      totalCents: expected.totalCents,
      number: invoice!.stripeInvoiceNumber,
    });
    expect(atStripe!.status).not.toBe('draft');
    const stripeLines = await stripe.listInvoiceLines(atStripe!.id);
    expect(stripeLines.map((line) => line.amountCents)).toEqual(expected.lines.map((line) => line.amountCents));

    // The same period again: the API joins the finished run, a run under another id finds it billed.
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/billing/invoice/run',
      headers: admin.headers,
      payload: { period: '2021-01', tenantId },
    });
    expect(again.json().workflowId).toBe(started.workflowId);
    expect(await runDirectly(tenantId, '2021-01')).toMatchObject({ outcome: 'already_billed' });
    expect(await stripe.listInvoices({ customerId })).toHaveLength(1);
  });

  it('deletes its Stripe draft and marks the invoice failed when finalizing gives up, then bills on a re-run', async () => {
    const { tenantId, customerId } = await billedTenant('pro', { '2021-02': { minutes: 1500 } });
    await simControl(sim.url).fault({ operation: 'stripe.finalizeInvoice', mode: 'fail', status: 400, times: 0 });

    await expect(
      h.client.workflow.execute(invoiceTenant, {
        taskQueue: h.target.taskQueue,
        workflowId: invoiceWorkflowId(tenantId, '2021-02'),
        args: [{ tenantId, period: '2021-02', graceMs: 0, retry: FAST_RETRY }],
      }),
    ).rejects.toBeInstanceOf(WorkflowFailedError);
    const failed = await invoiceOf(tenantId, '2021-02');
    expect(failed.invoice).toMatchObject({ status: 'failed', stripeInvoiceId: null });
    expect(failed.invoice!.failureReason).toMatch(/finalize/);
    // The draft it made is gone from Stripe: nothing half-made is left to be charged.
    expect(await stripe.listInvoices({ customerId })).toEqual([]);

    await simControl(sim.url).clearFaults();
    // A failed period may run again under its business id.
    const rerun = await h.client.workflow.execute(invoiceTenant, {
      taskQueue: h.target.taskQueue,
      workflowId: invoiceWorkflowId(tenantId, '2021-02'),
      args: [{ tenantId, period: '2021-02', graceMs: 0, retry: FAST_RETRY }],
    });
    expect(rerun).toMatchObject({ outcome: 'finalized', totalCents: rateUsage(pro, { minutes: 1500 }).totalCents });
    const invoices = await stripe.listInvoices({ customerId });
    expect(invoices).toHaveLength(1);
    expect(invoices[0]!.status).not.toBe('draft');
  });

  it('carries usage that arrived after finalization into the next period, never losing or doubling it', async () => {
    const { tenantId } = await billedTenant('pro', { '2021-03': { minutes: 2900 } });
    await runDirectly(tenantId, '2021-03');
    await addUsage(tenantId, '2021-03', { minutes: 300 });
    await addUsage(tenantId, '2021-04', { minutes: 100 });

    const april = await runDirectly(tenantId, '2021-04');
    const { lines } = await invoiceOf(tenantId, '2021-04');
    const late = lines.filter((line) => line.sourcePeriod === '2021-03');
    expect(late.map((line) => [line.kind, Number(line.quantity), Number(line.amountCents)])).toEqual([
      ['minutes', 300, rateUsage(pro, { minutes: 3200 }).totalCents - rateUsage(pro, { minutes: 2900 }).totalCents],
    ]);
    expect(april.totalCents).toBe(pro.monthlyFeeCents + Number(late[0]!.amountCents));
  });

  it('makes the Stripe customer a billing account from before Stripe lacks, and bills it', async () => {
    const { tenantId } = await billedTenant('pro', { '2021-07': { minutes: 1100 } });
    await inScope(h.orm, { system: 'test' }, (em) =>
      em.nativeUpdate(BillingAccount, { tenantId }, { stripeCustomerId: 'cus_local_demo' }),
    );
    expect(await runDirectly(tenantId, '2021-07')).toMatchObject({ outcome: 'finalized' });
    const account = await inScope(h.orm, { system: 'test' }, (em) => em.findOneOrFail(BillingAccount, { tenantId }));
    expect(account.stripeCustomerId).toMatch(/^cus_(?!local)/);
    expect(await stripe.listInvoices({ customerId: account.stripeCustomerId })).toHaveLength(1);
  });

  it('settles a period with nothing to charge without going to Stripe', async () => {
    const { tenantId, customerId } = await billedTenant('starter', { '2021-05': { minutes: 20 } });
    expect(await runDirectly(tenantId, '2021-05')).toMatchObject({ outcome: 'nothing_to_bill', totalCents: 0 });
    expect((await invoiceOf(tenantId, '2021-05')).invoice).toMatchObject({ status: 'paid', stripeInvoiceId: null });
    expect(await stripe.listInvoices({ customerId })).toEqual([]);
  });

  it('runs a period over every billable tenant in pages, and a second run bills nobody twice', async () => {
    const tenants = [
      await billedTenant('pro', { '2021-06': { minutes: 1200 } }),
      await billedTenant('pro', { '2021-06': { call_started: 1500 } }),
      await billedTenant('starter'),
    ];
    const run = () =>
      h.client.workflow.execute(monthlyInvoicing, {
        taskQueue: h.target.taskQueue,
        workflowId: `invoice-run-test-${randomUUID()}`,
        args: [{ period: '2021-06', graceMs: 0, concurrency: 2, pageSize: 2, retry: FAST_RETRY }],
      });
    const first = await run();
    // Tenants of earlier tests are billable too (subscribed since 2020), and so may be those of suites running
    // beside this one, whose Stripe customers live in another simulator: only this test's tenants are asserted.
    expect(first.tenants).toBeGreaterThanOrEqual(3);
    expect(first.finalized).toBeGreaterThanOrEqual(2);
    for (const { tenantId } of tenants) {
      expect((await invoiceOf(tenantId, '2021-06')).invoice?.status).toMatch(/^(open|paid)$/);
    }
    const billedFirst = await invoicesOfPeriod('2021-06');
    const second = await run();
    // Nobody billed twice: each invoice of the first run is still its tenant's only one for the period. Tenants
    // other suites subscribe meanwhile (backdated to 2020) may be billed by the second run for the first time: it
    // finalizes no more invoices than it newly stored.
    const afterSecond = await invoicesOfPeriod('2021-06');
    expect(afterSecond.filter((row) => billedFirst.some((first) => first.tenant_id === row.tenant_id))).toEqual(
      billedFirst,
    );
    expect(second.finalized).toBeLessThanOrEqual(afterSecond.length - billedFirst.length);
    expect(second.alreadyStarted).toBeGreaterThanOrEqual(first.tenants - first.failed);
    for (const { customerId } of tenants.slice(0, 2)) expect(await stripe.listInvoices({ customerId })).toHaveLength(1);
  });

  it('keeps a monthly schedule with the configured calendar, overlap and catch-up', async () => {
    const settings = { dayOfMonth: 1, hour: 3, timeZone: 'Europe/Vienna', graceMs: 0, concurrency: 2 };
    const id = await ensureInvoicingSchedule(h.client, h.target, settings);
    expect(id).toBe(invoicingScheduleId(h.target.taskQueue));
    // A second start (another worker, a restart) updates the schedule instead of failing.
    await ensureInvoicingSchedule(h.client, h.target, { ...settings, hour: 4 });
    const handle = h.client.schedule.getHandle(id);
    try {
      const described = await handle.describe();
      expect(described.spec.timezone).toBe('Europe/Vienna');
      expect(described.spec.calendars?.[0]).toMatchObject({
        dayOfMonth: [{ start: 1, end: 1, step: 1 }],
        hour: [{ start: 4, end: 4, step: 1 }],
      });
      expect(described.policies).toMatchObject({ overlap: 'BUFFER_ONE', catchupWindow: 7 * 86_400_000 });
      expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'monthlyInvoicing' });
      expect(described.info.nextActionTimes[0]!.toISOString()).toMatch(/-01T0[23]:00:00/);
    } finally {
      await handle.delete();
    }
  });

  it('refuses a period that has not ended, a malformed one, and anyone but a platform admin', async () => {
    const { tenantId } = await billedTenant('pro');
    const post = (payload: Record<string, unknown>, headers = admin.headers) =>
      h.app.inject({ method: 'POST', url: '/api/billing/invoice/run', headers, payload });
    const now = new Date();
    const current = now.toISOString().slice(0, 7);
    expect((await post({ period: current, tenantId })).statusCode).toBe(409);
    expect((await post({ period: '2021-13', tenantId })).statusCode).toBe(400);
    expect((await post({ period: '2021-01', tenantId: randomUUID() })).statusCode).toBe(404);
    const customer = await makeUser(h.orm, 'customer_admin', tenantId);
    const refused = await post({ period: '2021-01', tenantId }, await bearerFor(h.app, customer));
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
  });
});

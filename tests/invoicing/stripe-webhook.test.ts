import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { SIMULATOR_STRIPE_WEBHOOK_SECRET } from '../../config/simulator-credentials';
import { AuditLog, BillingAccount, Invoice, Subscription } from '../../db/entities';
import { inScope, type ScopedEm } from '../../db/scope';
import { eventually } from '../support/eventually';
import { createHarness, type Harness } from '../support/harness';
import { makeTenant, subscribeTenant } from '../support/factories';

const URL = '/api/billing/stripe/webhook';
const sdk = new Stripe('sk_test_unused');

/** A Stripe event as the SDK's signature check reads it, with the few invoice fields the adapter maps. */
function invoiceEvent(type: string, customer: string, invoiceId: string, id = `evt_${randomUUID()}`) {
  const created = Math.floor(Date.now() / 1000);
  const invoice = {
    object: 'invoice',
    id: invoiceId,
    customer,
    status: type === 'invoice.paid' ? 'paid' : 'open',
    currency: 'eur',
    collection_method: 'charge_automatically',
    created,
    status_transitions: {},
    metadata: {},
  };
  return { id, object: 'event', type, created, data: { object: invoice } };
}

function signed(event: object, { secret = SIMULATOR_STRIPE_WEBHOOK_SECRET, ageSeconds = 0 } = {}) {
  const payload = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000) - ageSeconds;
  const signature = sdk.webhooks.generateTestHeaderString({ payload, secret, timestamp });
  return {
    method: 'POST' as const,
    url: URL,
    payload,
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
  };
}

describe('POST /api/billing/stripe/webhook', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  /** A tenant with a Stripe customer, an active subscription and an open invoice known to Stripe. */
  async function customerWithInvoice() {
    const tenant = await makeTenant(h.orm);
    const subscription = await subscribeTenant(h.orm, tenant.id, 'starter');
    const customerId = `cus_test_${randomUUID().slice(0, 12)}`;
    const stripeInvoiceId = `in_test_${randomUUID().slice(0, 12)}`;
    const invoiceId = await inScope(h.orm, { system: 'test' }, async (em) => {
      em.create(BillingAccount, {
        tenantId: tenant.id,
        stripeCustomerId: customerId,
        email: 'b@example.test',
        currency: 'EUR',
      });
      const invoice = em.create(Invoice, {
        tenantId: tenant.id,
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
        stripeInvoiceId,
        status: 'open',
        currency: 'EUR',
        totalCents: 4900,
      });
      await em.flush();
      return invoice.id;
    });
    return { tenantId: tenant.id, subscriptionId: subscription.id, customerId, stripeInvoiceId, invoiceId };
  }

  const read = <T>(work: (em: ScopedEm) => Promise<T>) => inScope(h.orm, { system: 'test' }, work);
  const invoiceStatus = (id: string) =>
    read(async (em) => ({ status: (await em.findOneOrFail(Invoice, { id })).status }));
  const inboxRows = (dedupeKey: string) =>
    read((em) =>
      em.execute<{ status: string }[]>(
        `select status from webhook_events where provider = 'stripe' and dedupe_key = ?`,
        [dedupeKey],
      ),
    );

  it('records a verified invoice.paid in the inbox and the relay marks the invoice paid', async () => {
    const c = await customerWithInvoice();
    const event = invoiceEvent('invoice.paid', c.customerId, c.stripeInvoiceId);
    const response = await h.app.inject(signed(event));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true });
    const after = await eventually(
      () => invoiceStatus(c.invoiceId),
      (v) => v.status === 'paid',
    );
    expect(after.status).toBe('paid');
    expect(
      await eventually(
        () => inboxRows(event.id),
        (rows) => rows[0]?.status === 'delivered',
      ),
    ).toEqual([{ status: 'delivered' }]);
  });

  it('marks the subscription past due on a failed payment and active again once the invoice is paid', async () => {
    const c = await customerWithInvoice();
    const subscription = () =>
      read(async (em) => em.findOneOrFail(Subscription, { id: c.subscriptionId }, { refresh: true }));
    expect(
      (await h.app.inject(signed(invoiceEvent('invoice.payment_failed', c.customerId, c.stripeInvoiceId)))).statusCode,
    ).toBe(200);
    const pastDue = await eventually(subscription, (s) => s.status === 'past_due');
    expect(pastDue).toMatchObject({ status: 'past_due', pastDueSince: expect.any(Date) });
    expect((await invoiceStatus(c.invoiceId)).status).toBe('open');

    expect((await h.app.inject(signed(invoiceEvent('invoice.paid', c.customerId, c.stripeInvoiceId)))).statusCode).toBe(
      200,
    );
    const recovered = await eventually(subscription, (s) => s.status === 'active');
    expect(recovered).toMatchObject({ status: 'active', pastDueSince: null });
  });

  it('never moves a paid invoice back when a late invoice.finalized arrives', async () => {
    const c = await customerWithInvoice();
    await h.app.inject(signed(invoiceEvent('invoice.paid', c.customerId, c.stripeInvoiceId)));
    await eventually(
      () => invoiceStatus(c.invoiceId),
      (v) => v.status === 'paid',
    );
    const late = invoiceEvent('invoice.finalized', c.customerId, c.stripeInvoiceId);
    await h.app.inject(signed(late));
    await eventually(
      () => inboxRows(late.id),
      (rows) => rows[0]?.status === 'delivered',
    );
    expect((await invoiceStatus(c.invoiceId)).status).toBe('paid');
  });

  it('refuses a forged signature with 400 problem+json and writes nothing', async () => {
    const c = await customerWithInvoice();
    const event = invoiceEvent('invoice.paid', c.customerId, c.stripeInvoiceId);
    const response = await h.app.inject(signed(event, { secret: 'whsec_forged' }));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(await inboxRows(event.id)).toEqual([]);
  });

  it('refuses an event signed more than five minutes ago', async () => {
    const c = await customerWithInvoice();
    const event = invoiceEvent('invoice.paid', c.customerId, c.stripeInvoiceId);
    expect((await h.app.inject(signed(event, { ageSeconds: 301 }))).statusCode).toBe(400);
    expect(await inboxRows(event.id)).toEqual([]);
  });

  it('keeps one inbox row for an event sent twice and applies it once', async () => {
    const c = await customerWithInvoice();
    const event = invoiceEvent('invoice.paid', c.customerId, c.stripeInvoiceId);
    expect((await h.app.inject(signed(event))).statusCode).toBe(200);
    expect((await h.app.inject(signed(event))).statusCode).toBe(200);
    await eventually(
      () => inboxRows(event.id),
      (rows) => rows[0]?.status === 'delivered',
    );
    expect(await inboxRows(event.id)).toHaveLength(1);
    const audits = await read((em) => em.count(AuditLog, { targetId: c.invoiceId, action: 'invoice.paid' }));
    expect(audits).toBe(1);
  });

  /** Sends `event`, waits until the relay delivered it, and answers the invoice's status then. */
  async function deliveredStatus(event: { id: string }, invoiceId: string) {
    expect((await h.app.inject(signed(event))).statusCode).toBe(200);
    await eventually(
      () => inboxRows(event.id),
      (rows) => rows[0]?.status === 'delivered',
    );
    return (await invoiceStatus(invoiceId)).status;
  }

  it('voids an invoice on invoice.voided and marks one uncollectible on invoice.marked_uncollectible', async () => {
    const voided = await customerWithInvoice();
    expect(
      await deliveredStatus(
        invoiceEvent('invoice.voided', voided.customerId, voided.stripeInvoiceId),
        voided.invoiceId,
      ),
    ).toBe('void');
    const lost = await customerWithInvoice();
    const uncollectible = invoiceEvent('invoice.marked_uncollectible', lost.customerId, lost.stripeInvoiceId);
    expect(await deliveredStatus(uncollectible, lost.invoiceId)).toBe('uncollectible');
    // A late payment still counts: an uncollectible invoice paid after all is paid.
    expect(
      await deliveredStatus(invoiceEvent('invoice.paid', lost.customerId, lost.stripeInvoiceId), lost.invoiceId),
    ).toBe('paid');
    const audits = await read((em) =>
      em.find(AuditLog, { targetId: { $in: [voided.invoiceId, lost.invoiceId] } }, { orderBy: { createdAt: 'asc' } }),
    );
    expect(audits.map((row) => row.action).sort()).toEqual(['invoice.paid', 'invoice.uncollectible', 'invoice.void']);
  });

  it('changes nothing on invoice.created for an invoice already open', async () => {
    const c = await customerWithInvoice();
    expect(await deliveredStatus(invoiceEvent('invoice.created', c.customerId, c.stripeInvoiceId), c.invoiceId)).toBe(
      'open',
    );
  });

  it('keeps payment intent events in the tenant’s webhook log and changes nothing with them', async () => {
    const c = await customerWithInvoice();
    const subscription = () =>
      read((em) => em.findOneOrFail(Subscription, { id: c.subscriptionId }, { refresh: true }));
    for (const type of ['payment_intent.payment_failed', 'payment_intent.succeeded']) {
      const created = Math.floor(Date.now() / 1000);
      const intent = {
        object: 'payment_intent',
        id: `pi_${randomUUID().slice(0, 12)}`,
        customer: c.customerId,
        status: 'requires_payment_method',
      };
      const event = { id: `evt_${randomUUID()}`, object: 'event', type, created, data: { object: intent } };
      expect(await deliveredStatus(event, c.invoiceId)).toBe('open');
      const rows = await read((em) =>
        em.execute<{ tenant_id: string }[]>(`select tenant_id from webhook_events where dedupe_key = ?`, [event.id]),
      );
      expect(rows).toEqual([{ tenant_id: c.tenantId }]);
    }
    expect(await subscription()).toMatchObject({ status: 'active', pastDueSince: null });
  });

  it('acknowledges an event of an unknown customer without writing it', async () => {
    const event = invoiceEvent('invoice.paid', `cus_unknown_${randomUUID().slice(0, 8)}`, 'in_unknown');
    const response = await h.app.inject(signed(event));
    expect(response.statusCode).toBe(200);
    expect(await inboxRows(event.id)).toEqual([]);
  });
});

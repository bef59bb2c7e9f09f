import { simControl } from '../../sim/sim-control';
import { startScriptedHttp } from '../../tests/support/scripted-http';
import { startSimulator, type RunningSimulator } from '../../sim/start-simulator';
import { stripeSimControl } from '../../sim/stripe/stripe-control';
import { startWebhookReceiver } from '../../sim/stripe/webhook-receiver';
import { InvalidWebhookError, type BillingProvider } from './billing-provider';
import { ProviderError } from './provider-error';
import { createStripeBillingProvider } from './stripe-billing';

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let sim: RunningSimulator;
let billing: BillingProvider;
let control: ReturnType<typeof simControl>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sim = await startSimulator({ port: 0, stripeWebhookUrl: receiver.url, stripePaymentDelayMs: 60_000 });
  // Generous: a loaded CI machine must not turn an ordinary call into a timeout. The hang case has its own client.
  billing = createStripeBillingProvider({ simulatorUrl: sim.url, timeoutMs: 10_000 });
  control = simControl(sim.url);
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});
beforeEach(async () => {
  await control.reset();
  receiver.clear();
});

const PRO = 'price_voiceplane_pro_monthly';
const customerFor = (tenantId: string) =>
  billing.createCustomer({ idempotencyKey: `tenant-${tenantId}-customer`, email: 'o@t.test', name: 'T', tenantId });
/** A draft charged automatically and never advanced by Stripe, so each test finalizes and pays it itself. */
const draftFor = (
  customerId: string,
  idempotencyKey: string,
  more: Partial<Parameters<BillingProvider['createInvoice']>[0]> = {},
) =>
  billing.createInvoice({
    idempotencyKey,
    customerId,
    currency: 'eur',
    collection: { method: 'charge_automatically' },
    autoAdvance: false,
    pendingItems: 'include',
    ...more,
  });
const webhookOf = async (type: string) => {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const found = receiver.received.find(({ body }) => (JSON.parse(body) as { type: string }).type === type);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${type} webhook arrived`);
};

describe('Stripe billing adapter (against the simulator)', () => {
  it('creates a customer once per idempotency key and deletes it, even twice', async () => {
    const first = await customerFor('t1');
    expect(await customerFor('t1')).toEqual(first);
    expect((await customerFor('t2')).id).not.toBe(first.id);
    const state = await stripeSimControl(sim.url).state();
    expect(state.customers).toMatchObject([{ id: first.id, metadata: { tenant_id: 't1' } }, {}]);
    await billing.deleteCustomer(first.id);
    await expect(billing.deleteCustomer(first.id)).resolves.toBeUndefined();
  });

  it('bills items onto an invoice, finalizes, pays and reads it back in the platform’s terms', async () => {
    const { id: customerId } = await customerFor('t1');
    const period = { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-02-01T00:00:00Z') };
    await billing.createInvoiceItem({
      idempotencyKey: 'inv-1-fee',
      customerId,
      currency: 'EUR',
      description: 'Pro plan',
      amountCents: 4900,
    });
    await billing.createInvoiceItem({
      idempotencyKey: 'inv-1-minutes',
      customerId,
      currency: 'EUR',
      description: '1 234 minutes',
      quantity: 1234,
      unitAmountCentsDecimal: '6.25',
      period,
      metadata: { usage: 'minutes' },
    });
    const draft = await draftFor(customerId, 'inv-1', { currency: 'EUR', metadata: { period: '2026-01' } });
    expect(draft).toMatchObject({
      status: 'draft',
      totalCents: 12613,
      amountDueCents: 12613,
      number: null,
      currency: 'eur',
    });
    const lines = await billing.listInvoiceLines(draft.id);
    expect(lines.map((line) => [line.description, line.amountCents, line.quantity])).toEqual([
      ['Pro plan', 4900, 1],
      ['1 234 minutes', 7713, 1234],
    ]);
    expect(lines[1]?.period).toEqual(period);

    const open = await billing.finalizeInvoice(draft.id, { idempotencyKey: 'inv-1-finalize' });
    expect(open).toMatchObject({ status: 'open', finalizedAt: expect.any(Date), amountRemainingCents: 12613 });
    expect(open.hostedInvoiceUrl).toContain(`/stripe/invoices/${draft.id}`);
    expect(open.pdfUrl).toContain('/pdf');
    // The same finalize again (an activity retry) is replayed, not refused.
    expect((await billing.finalizeInvoice(draft.id, { idempotencyKey: 'inv-1-finalize' })).number).toBe(open.number);

    const paid = await billing.payInvoice(draft.id, { idempotencyKey: 'inv-1-pay' });
    expect(paid).toMatchObject({
      outcome: 'paid',
      invoice: { status: 'paid', amountPaidCents: 12613, attemptCount: 1 },
    });
    expect(await billing.listInvoices({ customerId, status: 'paid' })).toMatchObject([{ id: draft.id }]);
    expect(await billing.listInvoices({ customerId, status: 'open' })).toEqual([]);
    expect(await billing.getInvoice('in_missing')).toBeNull();
  });

  it('reports a declined card as an outcome and leaves the invoice open', async () => {
    const { id: customerId } = await customerFor('t1');
    await stripeSimControl(sim.url).paymentOutcome(customerId, 'fail');
    const item = { idempotencyKey: 'i', customerId, currency: 'eur', description: 'x', amountCents: 100 };
    await billing.createInvoiceItem(item);
    const invoice = await draftFor(customerId, 'inv-2');
    expect(await billing.payInvoice(invoice.id, { idempotencyKey: 'inv-2-pay' })).toEqual({
      outcome: 'declined',
      message: 'Your card was declined.',
    });
    expect(await billing.getInvoice(invoice.id)).toMatchObject({ status: 'open', attemptCount: 1 });
  });

  it('voids open invoices and deletes drafts only', async () => {
    const { id: customerId } = await customerFor('t1');
    const sentDraft = async (key: string) => {
      const draft = await draftFor(customerId, key, {
        collection: { method: 'send_invoice', daysUntilDue: 14 },
        pendingItems: 'exclude',
      });
      const item = { customerId, invoiceId: draft.id, currency: 'eur', description: 'x', amountCents: 900 };
      await billing.createInvoiceItem({ ...item, idempotencyKey: `${key}-item` });
      return draft;
    };
    const draft = await sentDraft('a');
    expect(await billing.deleteDraftInvoice(draft.id)).toBe('deleted');
    expect(await billing.deleteDraftInvoice(draft.id)).toBe('absent');

    const other = await sentDraft('b');
    const open = await billing.finalizeInvoice(other.id, { idempotencyKey: 'b-finalize' });
    expect(open).toMatchObject({ status: 'open', collectionMethod: 'send_invoice' });
    const refused = billing.deleteDraftInvoice(open.id);
    await expect(refused).rejects.toBeInstanceOf(ProviderError);
    await expect(refused).rejects.toMatchObject({ status: 400, code: 'invoice_not_editable', retryable: false });
    expect(await billing.voidInvoice(open.id, { idempotencyKey: 'b-void' })).toMatchObject({ status: 'void' });
  });

  it('opens Checkout and the portal, changes the price and cancels the subscription', async () => {
    const { id: customerId } = await customerFor('t1');
    const checkout = await billing.createCheckoutSession({
      idempotencyKey: 'checkout-t1',
      customerId,
      priceId: PRO,
      successUrl: 'https://app.test/billing?session={CHECKOUT_SESSION_ID}',
      cancelUrl: 'https://app.test/billing',
      clientReferenceId: 't1',
      metadata: { tenant_id: 't1' },
    });
    expect(checkout.url).toBe(`${sim.url}/stripe/checkout/${checkout.id}`);
    await fetch(`${checkout.url}/pay`, { method: 'POST', redirect: 'manual' });

    const completed = await webhookOf('checkout.session.completed');
    const event = billing.verifyWebhook(completed.body, completed.signature);
    if (event.object !== 'checkout_session') throw new Error(`unexpected ${event.object}`);
    expect(event.checkoutSession).toMatchObject({
      id: checkout.id,
      status: 'complete',
      customerId,
      clientReferenceId: 't1',
    });
    const subscriptionId = event.checkoutSession.subscriptionId!;
    expect(await billing.getSubscription(subscriptionId)).toMatchObject({
      status: 'active',
      items: [{ priceId: PRO, quantity: 1 }],
      metadata: { tenant_id: 't1' },
      currentPeriodEnd: expect.any(Date),
    });

    const portal = await billing.createPortalSession({ customerId, returnUrl: 'https://app.test/billing' });
    expect(portal.url).toBe(`${sim.url}/stripe/billing-portal/${portal.id}`);
    const changed = await billing.updateSubscriptionPrice({
      idempotencyKey: 'plan-change-1',
      subscriptionId,
      priceId: 'price_voiceplane_enterprise_monthly',
    });
    expect(changed.items.map((item) => item.priceId)).toEqual(['price_voiceplane_enterprise_monthly']);
    expect(await billing.cancelSubscription(subscriptionId, { idempotencyKey: 'cancel-1' })).toBe('canceled');
    expect(await billing.cancelSubscription(subscriptionId, { idempotencyKey: 'cancel-2' })).toBe('absent');
    expect(await billing.getSubscription('sub_missing')).toBeNull();
  });

  it('verifies webhooks with a five-minute tolerance and maps their objects', async () => {
    const { id: customerId } = await customerFor('t1');
    await draftFor(customerId, 'w', { pendingItems: 'exclude' });
    const created = await webhookOf('invoice.created');
    const event = billing.verifyWebhook(Buffer.from(created.body), created.signature);
    expect(event).toMatchObject({
      type: 'invoice.created',
      object: 'invoice',
      invoice: { customerId, status: 'draft' },
    });
    expect(billing.verifyWebhook(created.body, created.signature, new Date(Date.now() + 290_000)).id).toBe(event.id);
    expect(() => billing.verifyWebhook(created.body, created.signature, new Date(Date.now() + 400_000))).toThrow(
      InvalidWebhookError,
    );
    expect(() => billing.verifyWebhook(created.body.replace('draft', 'paid'), created.signature)).toThrow(
      InvalidWebhookError,
    );
    const customerEvent = await webhookOf('customer.created');
    expect(billing.verifyWebhook(customerEvent.body, customerEvent.signature)).toMatchObject({
      object: 'other',
      objectType: 'customer',
      objectId: customerId,
    });
  });

  it('maps Stripe failures to provider errors: outages and throttling retryable, refusals not', async () => {
    await control.fault({ operation: 'stripe.createCustomer', mode: 'fail', status: 503 });
    await expect(customerFor('t1')).rejects.toMatchObject({ provider: 'stripe', status: 503, retryable: true });
    await control.fault({ operation: 'stripe.createCustomer', mode: 'fail', status: 429 });
    await expect(customerFor('t1')).rejects.toMatchObject({ status: 429, code: 'rate_limit', retryable: true });
    await control.fault({ operation: 'stripe.getInvoice', mode: 'hang' });
    const impatient = createStripeBillingProvider({ simulatorUrl: sim.url, timeoutMs: 500 });
    await expect(impatient.getInvoice('in_any')).rejects.toMatchObject({
      status: null,
      code: 'timeout',
      retryable: true,
    });

    const { id: customerId } = await customerFor('t1');
    const item = { customerId, currency: 'eur', description: 'x' };
    await billing.createInvoiceItem({ ...item, idempotencyKey: 'same', amountCents: 1 });
    await expect(billing.createInvoiceItem({ ...item, idempotencyKey: 'same', amountCents: 2 })).rejects.toMatchObject({
      status: 400,
      code: 'idempotency_error',
      retryable: false,
    });
    await expect(billing.finalizeInvoice('in_missing', { idempotencyKey: 'f' })).rejects.toMatchObject({
      status: 404,
      code: 'resource_missing',
      retryable: false,
    });
    const unreachable = createStripeBillingProvider({ simulatorUrl: 'http://127.0.0.1:9', timeoutMs: 500 });
    await expect(unreachable.getInvoice('in_any')).rejects.toMatchObject({ status: null, retryable: true });
  });

  it('refuses half a set of credentials', () => {
    expect(() => createStripeBillingProvider({ secretKey: 'sk_live_x', simulatorUrl: sim.url })).toThrow(
      /both a secret key and a webhook secret/,
    );
  });
});

describe('Stripe billing adapter against a Stripe API with unusual answers', () => {
  interface Seen {
    method: string;
    path: string;
    form: URLSearchParams;
  }
  let answer: (request: Seen) => { status: number; body: unknown };
  let seen: Seen[];
  let server: Awaited<ReturnType<typeof startScriptedHttp>>;
  let stripeApi: BillingProvider;

  beforeAll(async () => {
    server = await startScriptedHttp(({ method, url, body: form }, response) => {
      const entry = { method, path: url, form: new URLSearchParams(form) };
      seen.push(entry);
      const { status, body } = answer(entry);
      response.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
      response.end(JSON.stringify(body));
    });
    stripeApi = createStripeBillingProvider({ simulatorUrl: server.url, timeoutMs: 10_000 });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    seen = [];
    answer = () => ({ status: 500, body: { error: { message: 'unexpected request' } } });
  });

  const subscriptionBody = (items: unknown[]) => ({
    id: 'sub_1',
    object: 'subscription',
    customer: 'cus_1',
    status: 'active',
    items: { object: 'list', data: items, has_more: false },
    cancel_at_period_end: false,
    metadata: {},
  });

  it('fails a Checkout Session that comes back without a url, and sends no metadata it was not given', async () => {
    answer = () => ({ status: 200, body: { id: 'cs_1', object: 'checkout.session', url: null, status: 'open' } });
    const created = stripeApi.createCheckoutSession({
      idempotencyKey: 'checkout-no-url',
      customerId: 'cus_1',
      priceId: PRO,
      successUrl: 'https://app.test/ok',
      cancelUrl: 'https://app.test/cancel',
      clientReferenceId: 't1',
    });
    await expect(created).rejects.toBeInstanceOf(ProviderError);
    await expect(created).rejects.toMatchObject({ message: 'stripe: Checkout Session without a url', status: null });
    const [request] = seen;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions' });
    expect([...request!.form.keys()].filter((name) => /metadata|subscription_data/.test(name))).toEqual([]);
    expect(request!.form.get('line_items[0][price]')).toBe(PRO);
  });

  it('adds the new price as an item to a subscription that has none, instead of replacing one', async () => {
    const item = { id: 'si_new', price: { id: 'price_new' }, quantity: 1, current_period_end: 1_767_225_600 };
    answer = ({ method }) => ({ status: 200, body: subscriptionBody(method === 'GET' ? [] : [item]) });
    const updated = await stripeApi.updateSubscriptionPrice({
      idempotencyKey: 'price-1',
      subscriptionId: 'sub_1',
      priceId: 'price_new',
      prorate: true,
    });
    expect(updated.items).toEqual([{ id: 'si_new', priceId: 'price_new', quantity: 1 }]);
    const update = seen.find(({ method }) => method === 'POST')!;
    expect(Object.fromEntries(update.form)).toEqual({
      'items[0][price]': 'price_new',
      proration_behavior: 'create_prorations',
    });
  });

  it('sends optional invoice fields only when given: description, metadata, auto-advance, status filter', async () => {
    const invoice = {
      id: 'in_1',
      object: 'invoice',
      customer: 'cus_1',
      status: 'draft',
      collection_method: 'send_invoice',
      created: 1_767_225_600,
      status_transitions: {},
    };
    answer = ({ path }) => ({
      status: 200,
      body: path.startsWith('/v1/invoices?') ? { object: 'list', data: [invoice], has_more: false } : invoice,
    });
    await stripeApi.createInvoice({
      idempotencyKey: 'inv-optional',
      customerId: 'cus_1',
      currency: 'EUR',
      collection: { method: 'send_invoice', daysUntilDue: 14 },
      autoAdvance: false,
      pendingItems: 'exclude',
      description: 'January',
      metadata: { period: '2026-01' },
    });
    await stripeApi.finalizeInvoice('in_1', { idempotencyKey: 'fin-1', autoAdvance: false });
    expect(await stripeApi.listInvoices({ customerId: 'cus_1', status: 'draft' })).toMatchObject([{ id: 'in_1' }]);
    await stripeApi.listInvoices({ customerId: 'cus_1' });

    const [create, finalize, list, listAll] = seen;
    expect(Object.fromEntries(create!.form)).toMatchObject({
      currency: 'eur',
      days_until_due: '14',
      description: 'January',
      'metadata[period]': '2026-01',
    });
    expect(Object.fromEntries(finalize!.form)).toEqual({ auto_advance: 'false' });
    const queryOf = (request: Seen) => Object.fromEntries(new URL(request.path, 'http://x').searchParams);
    expect(queryOf(list!)).toEqual({ customer: 'cus_1', status: 'draft', limit: '100' });
    expect(queryOf(listAll!)).toEqual({ customer: 'cus_1', limit: '100' });
  });

  it('throws a provider error for a payment that failed other than by a declined card', async () => {
    answer = () => ({
      status: 404,
      body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such invoice' } },
    });
    const paid = stripeApi.payInvoice('in_gone', { idempotencyKey: 'pay-gone' });
    await expect(paid).rejects.toBeInstanceOf(ProviderError);
    await expect(paid).rejects.toMatchObject({ status: 404, code: 'resource_missing', retryable: false });
  });

  it('names the status of an outage answered without a message, and treats it as retryable', async () => {
    answer = () => ({ status: 503, body: { error: { type: 'api_error' } } });
    await expect(stripeApi.getInvoice('in_1')).rejects.toMatchObject({
      message: 'stripe: HTTP 503',
      status: 503,
      code: 'api_error',
      retryable: true,
    });
  });
});

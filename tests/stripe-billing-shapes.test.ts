import { spawn, type ChildProcess } from 'node:child_process';
import Stripe from 'stripe';
import { createStripeBillingProvider } from '../activities/adapters/stripe-billing';
import type { BillingProvider } from '../activities/adapters/billing-provider';
import { SIMULATOR_STRIPE_WEBHOOK_SECRET } from '../config/simulator-credentials';
import { installStripeMock } from '../scripts/stripe-mock-install';
import { stripeClientFor } from '../sim/stripe/sdk-client';
import { getFreePort } from './support/free-port';

// Stripe's stripe-mock validates each request against Stripe's OpenAPI spec and answers 400 for a shape Stripe
// would refuse, so every adapter call passing here is a request the real API accepts. Its answers are fixtures.

let mock: ChildProcess | undefined;
let url: string;
let billing: BillingProvider;

beforeAll(async () => {
  // Built once per machine (Go), as the global setup obtains the Temporal CLI; throws saying how when it cannot.
  const binary = await installStripeMock();
  const port = await getFreePort();
  url = `http://127.0.0.1:${port}`;
  mock = spawn(binary, ['-http-addr', `127.0.0.1:${port}`], { stdio: 'ignore' });
  for (let attempt = 0; ; attempt += 1) {
    const up = await fetch(`${url}/v1/customers`, { headers: { authorization: 'Bearer sk_test_x' } }).catch(() => null);
    if (up?.ok) break;
    if (attempt > 100) throw new Error(`stripe-mock did not start on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  billing = createStripeBillingProvider({ simulatorUrl: url, timeoutMs: 30_000 });
}, 600_000);
afterAll(() => {
  mock?.kill();
});

const when = new Date('2026-01-01T00:00:00Z');

describe('Stripe adapter requests (checked by stripe-mock against Stripe’s OpenAPI spec)', () => {
  it('stripe-mock refuses a request Stripe would refuse, so the checks below mean something', async () => {
    const raw = stripeClientFor(url, 'sk_test_x');
    await expect(
      raw.invoices.create({ customer: 'cus_1', bogus: 1 } as Stripe.InvoiceCreateParams),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it('customers: create with an idempotency key, delete', async () => {
    await billing.createCustomer({ idempotencyKey: 'shape-customer', email: 'a@b.test', name: 'A', tenantId: 't1' });
    await billing.deleteCustomer('cus_123');
  });

  it('invoice items: an amount, a quantity at a decimal unit price with a period, onto a draft', async () => {
    await billing.createInvoiceItem({
      idempotencyKey: 'shape-item-1',
      customerId: 'cus_123',
      currency: 'EUR',
      description: 'Fee',
      amountCents: 4900,
    });
    await billing.createInvoiceItem({
      idempotencyKey: 'shape-item-2',
      customerId: 'cus_123',
      invoiceId: 'in_123',
      currency: 'eur',
      description: 'Minutes',
      quantity: 1234,
      unitAmountCentsDecimal: '6.25',
      period: { start: when, end: new Date('2026-02-01T00:00:00Z') },
      metadata: { usage: 'minutes' },
    });
  });

  it('invoices: create both ways of collecting, finalize, pay, void, delete, retrieve, list, lines', async () => {
    const create = { customerId: 'cus_123', currency: 'EUR', autoAdvance: true } as const;
    await billing.createInvoice({
      ...create,
      idempotencyKey: 'shape-invoice-1',
      collection: { method: 'charge_automatically' },
      pendingItems: 'include',
      description: 'January',
      metadata: { period: '2026-01' },
    });
    await billing.createInvoice({
      ...create,
      idempotencyKey: 'shape-invoice-2',
      collection: { method: 'send_invoice', daysUntilDue: 14 },
      pendingItems: 'exclude',
    });
    await billing.finalizeInvoice('in_123', { idempotencyKey: 'shape-finalize', autoAdvance: false });
    await billing.finalizeInvoice('in_123', { idempotencyKey: 'shape-finalize-2' });
    await billing.payInvoice('in_123', { idempotencyKey: 'shape-pay' });
    await billing.voidInvoice('in_123', { idempotencyKey: 'shape-void' });
    await billing.deleteDraftInvoice('in_123');
    await billing.getInvoice('in_123');
    await billing.listInvoices({ customerId: 'cus_123', status: 'open', limit: 10 });
    await billing.listInvoices({ customerId: 'cus_123' });
    await billing.listInvoiceLines('in_123');
  });

  it('Checkout, portal and subscriptions', async () => {
    await billing.createCheckoutSession({
      idempotencyKey: 'shape-checkout',
      customerId: 'cus_123',
      priceId: 'price_123',
      successUrl: 'https://app.test/billing?session={CHECKOUT_SESSION_ID}',
      cancelUrl: 'https://app.test/billing',
      clientReferenceId: 't1',
      metadata: { tenant_id: 't1' },
    });
    await billing.createPortalSession({ customerId: 'cus_123', returnUrl: 'https://app.test/billing' });
    await billing.getSubscription('sub_123');
    await billing.updateSubscriptionPrice({
      idempotencyKey: 'shape-plan',
      subscriptionId: 'sub_123',
      priceId: 'price_456',
    });
    await billing.updateSubscriptionPrice({
      idempotencyKey: 'shape-plan-prorated',
      subscriptionId: 'sub_123',
      priceId: 'price_456',
      prorate: true,
    });
    await billing.cancelSubscription('sub_123', { idempotencyKey: 'shape-cancel' });
  });

  it('webhooks: a fixture event signed with the simulator secret verifies (no request)', async () => {
    const event = await (
      await fetch(`${url}/v1/events/evt_123`, { headers: { authorization: 'Bearer sk_test_x' } })
    ).text();
    const header = Stripe.webhooks.generateTestHeaderString({
      payload: event,
      secret: SIMULATOR_STRIPE_WEBHOOK_SECRET,
    });
    expect(billing.verifyWebhook(event, header).id).toEqual(expect.any(String));
  });
});

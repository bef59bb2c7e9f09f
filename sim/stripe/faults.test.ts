import Stripe from 'stripe';
import { stripeClientFor } from './sdk-client';
import { useStripeSimulator } from './test-simulator';

// The SDK's default patience here: a loaded CI machine must not time out an ordinary or slow call.
const sim = useStripeSimulator({}, { apiKey: 'sk_test_faults' });

describe('Stripe simulator faults and access', () => {
  it('fails an operation in Stripe’s error shape, counting each request', async () => {
    await sim.control.fault({ operation: 'stripe.createCustomer', mode: 'fail', status: 503 });
    await sim.control.fault({ operation: 'stripe.createCustomer', mode: 'fail', status: 429 });
    await expect(sim.stripe.customers.create({ email: 'a@b.test' })).rejects.toMatchObject({
      type: 'StripeAPIError',
      rawType: 'api_error',
      statusCode: 503,
    });
    await expect(sim.stripe.customers.create({ email: 'a@b.test' })).rejects.toMatchObject({
      type: 'StripeRateLimitError',
      statusCode: 429,
      code: 'rate_limit',
    });
    const created = await sim.stripe.customers.create({ email: 'a@b.test' });
    expect(created.id).toMatch(/^cus_/);
    const state = await sim.control.state();
    expect(state.requestCounts).toEqual({ 'stripe.createCustomer': 3 });
  });

  it('does not save a faulted request under its idempotency key', async () => {
    await sim.control.fault({ operation: 'stripe.createInvoice', mode: 'fail', status: 500 });
    const customer = await sim.stripe.customers.create({ email: 'a@b.test' });
    const create = () => sim.stripe.invoices.create({ customer: customer.id }, { idempotencyKey: 'invoice-1' });
    await expect(create()).rejects.toMatchObject({ statusCode: 500 });
    const invoice = await create();
    expect((await create()).id).toBe(invoice.id);
  });

  it('carries out a request whose answer is lost, so the retry with the same key gets that answer', async () => {
    await sim.control.fault({ operation: 'stripe.createCustomer', mode: 'lose-reply' });
    const create = () => sim.stripe.customers.create({ email: 'lost@b.test' }, { idempotencyKey: 'tenant-1-customer' });
    await expect(create()).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    // Until the simulator notices the caller left, the key is in use (409), as a Temporal retry could meet it.
    let retried: Stripe.Customer | undefined;
    while (!retried) {
      retried = await create().catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 409) throw error;
        return undefined;
      });
    }
    const customers = await sim.stripe.customers.list();
    expect(customers.data.map((customer) => customer.id)).toEqual([retried.id]);
  });

  it('hangs an operation until the SDK gives up, and delays a slow one', async () => {
    await sim.control.fault({ operation: 'stripe.getInvoice', mode: 'hang' });
    const impatient = stripeClientFor(sim.url, 'sk_test_faults', 300);
    await expect(impatient.invoices.retrieve('in_any')).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    await sim.control.fault({ operation: 'stripe.listPrices', mode: 'slow', delayMs: 150 });
    const started = Date.now();
    expect((await sim.stripe.prices.list()).data.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('refuses requests without a test-mode key, and unknown routes, the way Stripe does', async () => {
    const missing = await fetch(`${sim.url}/v1/customers`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    await expect(stripeClientFor(sim.url, 'sk_live_real_key_123456').customers.list()).rejects.toMatchObject({
      type: 'StripeAuthenticationError',
      statusCode: 401,
    });
    const basic = { authorization: `Basic ${Buffer.from('sk_test_curl:').toString('base64')}` };
    expect((await fetch(`${sim.url}/v1/prices`, { headers: basic })).status).toBe(200);
    const unknown = await fetch(`${sim.url}/v1/teleports`, { headers: { authorization: 'Bearer sk_test_x' } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  it('forgets customers, invoices and events on reset but keeps the seeded prices', async () => {
    const customer = await sim.stripe.customers.create({ email: 'a@b.test' });
    await sim.stripe.invoices.create({ customer: customer.id });
    await sim.stripeControl.paymentOutcome(customer.id, 'fail');
    await sim.control.reset();
    const state = await sim.stripeControl.state();
    expect(state).toMatchObject({ customers: [], invoices: [], events: [], deliveries: [], paymentOutcomes: {} });
    const prices = await sim.stripe.prices.list({ lookup_keys: ['pro', 'enterprise'] });
    expect(prices.data.map((price) => [price.id, price.unit_amount, price.currency]).sort()).toEqual([
      ['price_voiceplane_enterprise_monthly', 49900, 'eur'],
      ['price_voiceplane_pro_monthly', 4900, 'eur'],
    ]);
    expect(await sim.stripe.products.retrieve(prices.data[0]!.product as string)).toMatchObject({ active: true });
  });
});

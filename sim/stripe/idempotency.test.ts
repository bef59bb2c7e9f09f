import { useStripeSimulator } from './test-simulator';

const sim = useStripeSimulator();

const raw = (key: string, body: string, apiKey = 'sk_test_raw') =>
  fetch(`${sim.url}/v1/customers`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/x-www-form-urlencoded',
      'idempotency-key': key,
    },
    body,
  });

describe('Stripe simulator idempotency', () => {
  it('replays the first answer for a repeated key and parameters, without doing the work again', async () => {
    const first = await raw('key-1', 'email=a%40example.test&metadata[tenant_id]=t1');
    const second = await raw('key-1', 'email=a%40example.test&metadata[tenant_id]=t1');
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await second.json()).toEqual(await first.json());
    const customers = await sim.stripe.customers.list();
    expect(customers.data).toHaveLength(1);
    const events = await sim.stripe.events.list({ type: 'customer.created' });
    expect(events.data).toHaveLength(1);
  });

  it('refuses the same key with other parameters as an idempotency error', async () => {
    await sim.stripe.customers.create({ email: 'a@example.test' }, { idempotencyKey: 'key-2' });
    const conflict = sim.stripe.customers.create({ email: 'b@example.test' }, { idempotencyKey: 'key-2' });
    await expect(conflict).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      statusCode: 400,
      rawType: 'idempotency_error',
    });
    const elsewhere = await raw('key-2', 'email=a%40example.test');
    expect((await elsewhere.json()) as unknown).toMatchObject({ object: 'customer' });
    expect(elsewhere.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keeps keys per API key (account), and ignores them on requests that do not change anything', async () => {
    const one = (await (await raw('shared', 'name=x', 'sk_test_account_one')).json()) as { id: string };
    const two = (await (await raw('shared', 'name=x', 'sk_test_account_two')).json()) as { id: string };
    expect(one.id).not.toBe(two.id);
    const get = (key: string) =>
      fetch(`${sim.url}/v1/customers/${one.id}`, {
        headers: { authorization: 'Bearer sk_test_x', 'idempotency-key': key },
      });
    expect((await get('k')).headers.get('idempotent-replayed')).toBeNull();
    expect((await get('k')).headers.get('idempotent-replayed')).toBeNull();
  });

  it('answers 409 while the first request with the key is still running', async () => {
    await sim.control.fault({ operation: 'stripe.createCustomer', mode: 'lose-reply' });
    const caller = new AbortController();
    const first = fetch(`${sim.url}/v1/customers`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk_test_raw',
        'idempotency-key': 'busy',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'name=busy',
      signal: caller.signal,
    }).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await raw('busy', 'name=busy');
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { type: 'idempotency_error' } });
    caller.abort();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const third = await raw('busy', 'name=busy');
    expect(third.headers.get('idempotent-replayed')).toBe('true');
  });

  it('does not save a refusal of the parameters, so the key can still be used', async () => {
    const refused = await raw('key-3', 'emial=typo%40example.test');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { type: 'invalid_request_error', code: 'parameter_unknown', param: 'emial' },
    });
    const accepted = await raw('key-3', 'email=fixed%40example.test');
    expect(accepted.status).toBe(200);
  });

  it('saves a declined payment, so its retry with the same key is declined again without a new attempt', async () => {
    const customer = await sim.stripe.customers.create({ email: 'd@example.test' });
    await sim.stripeControl.paymentOutcome(customer.id, 'fail');
    await sim.stripe.invoiceItems.create({ customer: customer.id, amount: 500, currency: 'eur' });
    const invoice = await sim.stripe.invoices.create({
      customer: customer.id,
      pending_invoice_items_behavior: 'include',
    });
    const pay = () => sim.stripe.invoices.pay(invoice.id, {}, { idempotencyKey: 'pay-1' });
    await expect(pay()).rejects.toMatchObject({ statusCode: 402, code: 'card_declined' });
    await expect(pay()).rejects.toMatchObject({ statusCode: 402, code: 'card_declined' });
    expect((await sim.stripe.invoices.retrieve(invoice.id)).attempt_count).toBe(1);
  });
});

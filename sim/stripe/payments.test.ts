import type Stripe from 'stripe';
import { useStripeSimulator } from './test-simulator';

const sim = useStripeSimulator({ stripePaymentDelayMs: 100 });

const PRO = 'price_voiceplane_pro_monthly';
const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not reached in time');
};

async function subscribedCustomer() {
  const customer = await sim.stripe.customers.create({ email: 'owner@tenant.test' });
  const subscription = await sim.stripe.subscriptions.create({ customer: customer.id, items: [{ price: PRO }] });
  return { customer, subscription };
}

async function openInvoice(customerId: string, autoAdvance: boolean, amount = 1800) {
  await sim.stripe.invoiceItems.create({ customer: customerId, amount, currency: 'eur', description: 'Usage' });
  const draft = await sim.stripe.invoices.create({
    customer: customerId,
    pending_invoice_items_behavior: 'include',
    collection_method: 'charge_automatically',
    auto_advance: autoAdvance,
  });
  return sim.stripe.invoices.finalizeInvoice(draft.id);
}

describe('Stripe simulator payments', () => {
  it('starts a subscription with a paid first invoice for its price', async () => {
    const { subscription } = await subscribedCustomer();
    expect(subscription.status).toBe('active');
    expect(subscription.items.data[0]?.price).toMatchObject({
      id: PRO,
      unit_amount: 4900,
      recurring: { interval: 'month' },
    });
    const first = await sim.stripe.invoices.retrieve(subscription.latest_invoice as string);
    expect(first).toMatchObject({ status: 'paid', total: 4900, billing_reason: 'subscription_create' });
    expect(first.parent?.subscription_details?.subscription).toBe(subscription.id);
  });

  it('declines a charge for a customer set to fail: invoice stays open, the subscription goes past_due, then recovers', async () => {
    const { customer, subscription } = await subscribedCustomer();
    await sim.stripeControl.paymentOutcome(customer.id, 'fail');
    const invoice = await openInvoice(customer.id, false);

    await expect(sim.stripe.invoices.pay(invoice.id)).rejects.toMatchObject({
      type: 'StripeCardError',
      statusCode: 402,
      code: 'card_declined',
      decline_code: 'generic_decline',
    });
    expect(await sim.stripe.invoices.retrieve(invoice.id)).toMatchObject({
      status: 'open',
      attempt_count: 1,
      amount_paid: 0,
    });
    expect((await sim.stripe.subscriptions.retrieve(subscription.id)).status).toBe('past_due');
    const failed = await sim.stripe.events.list({ type: 'invoice.payment_failed' });
    expect(failed.data.map((event) => (event.data.object as Stripe.Invoice).id)).toEqual([invoice.id]);
    const [declined] = (await sim.stripe.events.list({ type: 'payment_intent.payment_failed' })).data;
    const intent = await sim.stripe.paymentIntents.retrieve((declined!.data.object as Stripe.PaymentIntent).id);
    expect(intent).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });

    await sim.stripeControl.paymentOutcome(customer.id, 'succeed');
    const retried = await sim.stripeControl.attemptPayment(invoice.id);
    expect(retried).toMatchObject({ result: 'paid', invoice: { status: 'paid', attempt_count: 2 } });
    expect((await sim.stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
    // Newest first: the recovery, the failure, and the start (incomplete → active).
    const updates = await sim.stripe.events.list({ type: 'customer.subscription.updated' });
    const statuses = updates.data.map((event) => (event.data.object as Stripe.Subscription).status);
    expect(statuses).toEqual(['active', 'past_due', 'active']);
    expect(updates.data.map((event) => event.data.previous_attributes)).toEqual([
      { status: 'past_due' },
      { status: 'active' },
      { status: 'incomplete' },
    ]);
  });

  it('charges an auto-advancing invoice by itself after the payment delay', async () => {
    const customer = await sim.stripe.customers.create({ email: 'auto@tenant.test' });
    const invoice = await openInvoice(customer.id, true);
    expect(invoice.status).toBe('open');
    expect(invoice.next_payment_attempt).toEqual(expect.any(Number));
    const paid = await eventually(
      () => sim.stripe.invoices.retrieve(invoice.id),
      (current) => current.status === 'paid',
    );
    expect(paid).toMatchObject({ amount_paid: 1800, attempt_count: 1, next_payment_attempt: null });
    expect((await sim.stripe.events.list({ type: 'invoice.paid' })).data).toHaveLength(1);
  });

  it('leaves an auto-advancing invoice of a failing customer open after its automatic attempt', async () => {
    const customer = await sim.stripe.customers.create({ email: 'declined@tenant.test' });
    await sim.stripeControl.paymentOutcome(customer.id, 'fail');
    const invoice = await openInvoice(customer.id, true);
    const attempted = await eventually(
      () => sim.stripe.invoices.retrieve(invoice.id),
      (current) => current.attempt_count > 0,
    );
    expect(attempted).toMatchObject({ status: 'open', attempted: true, amount_remaining: 1800 });
  });

  it('does not charge an invoice voided before its automatic attempt', async () => {
    const customer = await sim.stripe.customers.create({ email: 'void@tenant.test' });
    const invoice = await openInvoice(customer.id, true);
    await sim.stripe.invoices.voidInvoice(invoice.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await sim.stripe.invoices.retrieve(invoice.id)).toMatchObject({ status: 'void', attempt_count: 0 });
  });

  it('changes a subscription’s price and cancels it, announcing both', async () => {
    const { subscription } = await subscribedCustomer();
    const item = subscription.items.data[0]!;
    const changed = await sim.stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, price: 'price_voiceplane_enterprise_monthly' }],
      proration_behavior: 'none',
    });
    expect(changed.items.data.map((i) => [i.id, i.price.id])).toEqual([
      [item.id, 'price_voiceplane_enterprise_monthly'],
    ]);
    const canceled = await sim.stripe.subscriptions.cancel(subscription.id);
    expect(canceled).toMatchObject({ status: 'canceled', canceled_at: expect.any(Number) });
    await expect(sim.stripe.subscriptions.cancel(subscription.id)).rejects.toMatchObject({ statusCode: 404 });
    const types = (await sim.stripe.events.list({ limit: 100 })).data.map((event) => event.type);
    expect(types.slice(0, 2)).toEqual(['customer.subscription.deleted', 'customer.subscription.updated']);
  });
});

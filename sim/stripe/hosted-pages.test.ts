import { useStripeSimulator } from './test-simulator';

const sim = useStripeSimulator();

const click = (url: string, action: string) => fetch(`${url}/${action}`, { method: 'POST', redirect: 'manual' });

async function checkout(customer: string) {
  return sim.stripe.checkout.sessions.create({
    mode: 'subscription',
    customer,
    line_items: [{ price: 'price_voiceplane_pro_monthly', quantity: 1 }],
    success_url: 'https://app.test/billing/done?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://app.test/billing/plans',
    client_reference_id: 'tenant-1',
    metadata: { tenant_id: 'tenant-1' },
    subscription_data: { metadata: { tenant_id: 'tenant-1' } },
  });
}

describe('Stripe simulator hosted pages', () => {
  it('shows Checkout with Pay and Cancel; Pay subscribes, pays the first invoice and redirects to success_url', async () => {
    const customer = await sim.stripe.customers.create({ email: 'owner@tenant.test' });
    const session = await checkout(customer.id);
    expect(session).toMatchObject({ status: 'open', payment_status: 'unpaid', amount_total: 4900, subscription: null });
    const page = await (await fetch(session.url!)).text();
    expect(page).toContain('<button id="pay"');
    expect(page).toContain('<button id="cancel"');
    expect(page).toContain('€49.00 / month');

    const paid = await click(session.url!, 'pay');
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`https://app.test/billing/done?session=${session.id}`);
    const done = await sim.stripe.checkout.sessions.retrieve(session.id);
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', customer: customer.id, url: null });
    const subscription = await sim.stripe.subscriptions.retrieve(done.subscription as string);
    expect(subscription).toMatchObject({ status: 'active', metadata: { tenant_id: 'tenant-1' } });
    expect((await sim.stripe.invoices.retrieve(done.invoice as string)).status).toBe('paid');

    const [completed] = (await sim.stripe.events.list({ type: 'checkout.session.completed' })).data;
    expect(completed?.data.object).toMatchObject({
      id: session.id,
      client_reference_id: 'tenant-1',
      subscription: subscription.id,
    });
    // A second Pay (back button) does not subscribe twice.
    expect((await click(session.url!, 'pay')).status).toBe(303);
    expect((await sim.stripe.subscriptions.list({ customer: customer.id })).data).toHaveLength(1);
  });

  it('sends Cancel to cancel_url and leaves the session open', async () => {
    const customer = await sim.stripe.customers.create({ email: 'owner@tenant.test' });
    const session = await checkout(customer.id);
    const canceled = await click(session.url!, 'cancel');
    expect(canceled.status).toBe(303);
    expect(canceled.headers.get('location')).toBe('https://app.test/billing/plans');
    expect((await sim.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    expect((await sim.stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);
  });

  it('shows a decline on the page for a customer whose payments fail, and completes nothing', async () => {
    const customer = await sim.stripe.customers.create({ email: 'owner@tenant.test' });
    await sim.stripeControl.paymentOutcome(customer.id, 'fail');
    const session = await checkout(customer.id);
    const declined = await click(session.url!, 'pay');
    expect(declined.headers.get('location')).toBe(`/stripe/checkout/${session.id}`);
    expect(await (await fetch(session.url!)).text()).toContain('id="error"');
    expect((await sim.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });

  it('opens the customer portal with a way back and cancels the subscription from there', async () => {
    const customer = await sim.stripe.customers.create({ email: 'owner@tenant.test' });
    const subscription = await sim.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: 'price_voiceplane_pro_monthly' }],
    });
    const portal = await sim.stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: 'https://app.test/billing',
    });
    expect(portal.url).toBe(`${sim.url}/stripe/billing-portal/${portal.id}`);
    const page = await (await fetch(portal.url)).text();
    expect(page).toContain('<a id="return" href="https://app.test/billing"');
    const action = /<form method="post" action="([^"]+)">\s*<button id="cancel-subscription"/.exec(page)?.[1];
    expect(action).toBe(`/stripe/billing-portal/${portal.id}/subscriptions/${subscription.id}/cancel`);

    const canceled = await fetch(`${sim.url}${action}`, { method: 'POST', redirect: 'manual' });
    expect(canceled.status).toBe(303);
    expect((await sim.stripe.subscriptions.retrieve(subscription.id)).status).toBe('canceled');
    expect((await sim.stripe.events.list({ type: 'customer.subscription.deleted' })).data).toHaveLength(1);
    expect(await (await fetch(portal.url)).text()).not.toContain('cancel-subscription');
  });

  it('switches the subscription to another monthly price from the portal, announced as an update', async () => {
    const customer = await sim.stripe.customers.create({ email: 'owner@tenant.test' });
    const subscription = await sim.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: 'price_voiceplane_pro_monthly' }],
    });
    const portal = await sim.stripe.billingPortal.sessions.create({ customer: customer.id });
    const page = await (await fetch(portal.url)).text();
    expect(page).not.toContain('id="switch-to-pro"');
    const action = /<form method="post" action="([^"]+)"><button id="switch-to-enterprise"/.exec(page)?.[1] ?? '';
    expect(action).toBe(
      `/stripe/billing-portal/${portal.id}/subscriptions/${subscription.id}/price/price_voiceplane_enterprise_monthly`,
    );

    const switched = await fetch(`${sim.url}${action}`, { method: 'POST', redirect: 'manual' });
    expect(switched.status).toBe(303);
    const after = await sim.stripe.subscriptions.retrieve(subscription.id);
    expect(after.items.data.map((item) => item.price.id)).toEqual(['price_voiceplane_enterprise_monthly']);
    const [updated] = (await sim.stripe.events.list({ type: 'customer.subscription.updated' })).data;
    expect(updated?.data.previous_attributes).toMatchObject({ items: expect.anything() });
    const other = await sim.stripe.customers.create({ email: 'other@tenant.test' });
    const foreign = await sim.stripe.billingPortal.sessions.create({ customer: other.id });
    const refused = await fetch(`${sim.url}${action.replace(portal.id, foreign.id)}`, { method: 'POST' });
    expect(refused.status).toBe(404);
  });

  it('answers unknown pages with 404', async () => {
    expect((await fetch(`${sim.url}/stripe/checkout/cs_test_missing`)).status).toBe(404);
    expect((await fetch(`${sim.url}/stripe/invoices/in_missing/pdf`)).status).toBe(404);
  });
});

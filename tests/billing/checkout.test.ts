import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { AuditLog, BillingAccount } from '../../db/entities';
import { inScope } from '../../db/scope';
import { simControl } from '../../sim/sim-control';
import type { RunningSimulator } from '../../sim/start-simulator';
import { stripeClientFor } from '../../sim/stripe/sdk-client';
import { bearerFor, makeTenant, makeUser, makeWorld, subscribeTenant } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';
import { startTestSimulator } from '../support/test-simulator';

const BILLING_PAGE = 'http://localhost:3000/app/billing';

/**
 * `POST /api/billing/checkout` and `POST /api/billing/portal` against the Stripe simulator through the official
 * SDK: who may start them, for which tenant, which plans, and what Stripe gets.
 */
describe('checkout and customer portal sessions', () => {
  let sim: RunningSimulator;
  let h: Harness;
  let stripe: Stripe;

  beforeAll(async () => {
    sim = await startTestSimulator();
    h = await createHarness({ simulatorUrl: sim.url });
    stripe = stripeClientFor(sim.url);
  });
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });
  afterEach(() => simControl(sim.url).clearFaults());

  /** A tenant on `plan` with its admin signed in (no billing account: the first checkout makes the customer). */
  async function customer(plan: 'starter' | 'pro' = 'starter', stripeSubscriptionId?: string) {
    const tenant = await makeTenant(h.orm);
    await subscribeTenant(h.orm, tenant.id, plan, stripeSubscriptionId ? { stripeSubscriptionId } : {});
    const admin = await makeUser(h.orm, 'customer_admin', tenant.id);
    return { tenant, headers: await bearerFor(h.app, admin) };
  }

  const checkout = (headers: Record<string, string>, payload: Record<string, unknown> = { planCode: 'pro' }) =>
    h.app.inject({ method: 'POST', url: '/api/billing/checkout', headers, payload });
  const portal = (headers: Record<string, string>) =>
    h.app.inject({ method: 'POST', url: '/api/billing/portal', headers, payload: {} });
  const accountOf = (tenantId: string) =>
    inScope(h.orm, { system: 'test' }, (em) => em.findOne(BillingAccount, { tenantId }, { refresh: true }));

  it('starts Checkout in subscription mode for the plan’s price, for the admin’s own tenant and back to billing', async () => {
    const { tenant, headers } = await customer();
    const response = await checkout(headers);
    expect(response.statusCode).toBe(200);
    const { url, sessionId } = response.json<{ url: string; sessionId: string }>();
    expect(url).toBe(`${sim.url}/stripe/checkout/${sessionId}`);

    const account = await accountOf(tenant.id);
    expect(account?.stripeCustomerId).toMatch(/^cus_/);
    const customerAtStripe = await stripe.customers.retrieve(account!.stripeCustomerId);
    expect(customerAtStripe).toMatchObject({ email: tenant.contactEmail, metadata: { tenant_id: tenant.id } });

    const session = await stripe.checkout.sessions.retrieve(sessionId);
    expect(session).toMatchObject({
      mode: 'subscription',
      status: 'open',
      customer: account!.stripeCustomerId,
      client_reference_id: tenant.id,
      metadata: { tenantId: tenant.id, planCode: 'pro' },
      success_url: `${BILLING_PAGE}?checkout=success&plan=pro`,
      cancel_url: `${BILLING_PAGE}?checkout=cancelled`,
      amount_subtotal: 4900,
      currency: 'eur',
    });
    const audits = await inScope(h.orm, { system: 'test' }, (em) =>
      em.find(AuditLog, { tenantId: tenant.id, action: 'billing.checkout_started' }),
    );
    expect(audits.map((audit) => audit.details)).toEqual([{ planCode: 'pro', stripeCheckoutSessionId: sessionId }]);
  });

  it('gives a double click the same session and makes one Stripe customer', async () => {
    const { tenant, headers } = await customer();
    const answers = [...(await Promise.all([checkout(headers), checkout(headers)])), await checkout(headers)];
    // A click that meets the first still running at Stripe is told to try again (503); none gets a second session.
    expect(answers.map((answer) => answer.statusCode)).toEqual(expect.arrayContaining([200]));
    const sessions = answers.filter((answer) => answer.statusCode === 200).map((answer) => answer.json().sessionId);
    expect(new Set(sessions).size).toBe(1);
    expect(answers.filter((answer) => answer.statusCode !== 200).map((answer) => answer.statusCode)).toEqual(
      answers.length === sessions.length ? [] : [503],
    );
    const account = await accountOf(tenant.id);
    const customers = await stripe.customers.list({ email: tenant.contactEmail });
    expect(customers.data.map((c) => c.id)).toEqual([account!.stripeCustomerId]);
  });

  it('makes a real Stripe customer for a billing account Stripe does not know (a stand-in id)', async () => {
    const { tenant, headers } = await customer();
    await inScope(h.orm, { system: 'test' }, async (em) => {
      em.create(BillingAccount, {
        tenantId: tenant.id,
        stripeCustomerId: `cus_local_${randomUUID().slice(0, 12)}`,
        email: 'billing@example.test',
        currency: 'EUR',
      });
      await em.flush();
    });
    const response = await checkout(headers);
    expect(response.statusCode).toBe(200);
    const account = await accountOf(tenant.id);
    expect(account).toMatchObject({
      stripeCustomerId: expect.stringMatching(/^cus_(?!local)/),
      email: 'billing@example.test',
    });
    const session = await stripe.checkout.sessions.retrieve(response.json().sessionId);
    expect(session.customer).toBe(account!.stripeCustomerId);
  });

  it('refuses the current plan (409), a free plan (422), an unknown plan (400) and a second Stripe subscription (409)', async () => {
    const onPro = await customer('pro');
    const current = await checkout(onPro.headers, { planCode: 'pro' });
    expect(current.statusCode).toBe(409);
    expect(current.headers['content-type']).toContain('application/problem+json');
    expect(current.json()).toMatchObject({ code: 'conflict', plan: 'pro' });
    const free = await checkout(onPro.headers, { planCode: 'starter' });
    expect(free.statusCode).toBe(422);
    expect(free.json()).toMatchObject({ code: 'unprocessable', plan: 'starter' });
    expect((await checkout(onPro.headers, { planCode: 'gold' })).statusCode).toBe(400);
    expect((await checkout(onPro.headers, {})).statusCode).toBe(400);

    const onStripe = await customer('pro', `sub_${randomUUID().slice(0, 12)}`);
    const second = await checkout(onStripe.headers, { planCode: 'enterprise' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ managedByStripe: true });
    // Nothing reached Stripe for any of them.
    expect(await accountOf(onPro.tenant.id)).toBeNull();
    expect(await accountOf(onStripe.tenant.id)).toBeNull();
  });

  it('lets only the tenant’s own admin start a checkout or open the portal', async () => {
    const world = await makeWorld(h.orm, h.app);
    await subscribeTenant(h.orm, world.tenant.id, 'starter');
    for (const role of ['customer_user', 'support', 'platform_admin'] as const) {
      const started = await checkout(world.headers[role]);
      expect({ role, status: started.statusCode }).toEqual({ role, status: 403 });
      expect(started.headers['content-type']).toContain('application/problem+json');
      expect({ role, status: (await portal(world.headers[role])).statusCode }).toEqual({ role, status: 403 });
    }
    expect(
      (await h.app.inject({ method: 'POST', url: '/api/billing/checkout', payload: { planCode: 'pro' } })).statusCode,
    ).toBe(401);
    expect(await accountOf(world.tenant.id)).toBeNull();
  });

  it('never starts a checkout for another tenant: the tenant is the admin’s own, a tenant field is refused', async () => {
    const ours = await customer();
    const theirs = await customer();
    const named = await checkout(ours.headers, { planCode: 'pro', tenantId: theirs.tenant.id });
    expect(named.statusCode).toBe(400);
    expect(named.json().errors).toEqual([expect.objectContaining({ message: expect.stringContaining('tenantId') })]);

    const response = await checkout(ours.headers);
    const session = await stripe.checkout.sessions.retrieve(response.json().sessionId);
    expect(session.client_reference_id).toBe(ours.tenant.id);
    expect(session.customer).toBe((await accountOf(ours.tenant.id))!.stripeCustomerId);
    expect(await accountOf(theirs.tenant.id)).toBeNull();
  });

  it('answers 503 problem+json when Stripe fails, and nothing is half made', async () => {
    const { tenant, headers } = await customer();
    await simControl(sim.url).fault({ operation: 'stripe.createCheckoutSession', mode: 'fail', status: 500, times: 1 });
    const response = await checkout(headers);
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const audits = await inScope(h.orm, { system: 'test' }, (em) =>
      em.count(AuditLog, { tenantId: tenant.id, action: 'billing.checkout_started' }),
    );
    expect(audits).toBe(0);
    expect((await checkout(headers)).statusCode).toBe(200);
  });

  it('opens the Stripe customer portal returning to billing, and answers 409 without a Stripe customer', async () => {
    const { tenant, headers } = await customer();
    const none = await portal(headers);
    expect(none.statusCode).toBe(409);
    expect(none.headers['content-type']).toContain('application/problem+json');

    await inScope(h.orm, { system: 'test' }, async (em) => {
      em.create(BillingAccount, {
        tenantId: tenant.id,
        stripeCustomerId: `cus_local_${randomUUID().slice(0, 12)}`,
        email: 'b@example.test',
        currency: 'EUR',
      });
      await em.flush();
    });
    expect((await portal(headers)).statusCode).toBe(409);

    await checkout(headers);
    const response = await portal(headers);
    expect(response.statusCode).toBe(200);
    const { url } = response.json<{ url: string }>();
    expect(url).toMatch(new RegExp(`^${sim.url}/stripe/billing-portal/bps_`));
    const page = await fetch(url).then((answer) => answer.text());
    expect(page).toContain(`href="${BILLING_PAGE}"`);
  });
});

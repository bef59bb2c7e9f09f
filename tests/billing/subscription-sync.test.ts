import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import Stripe from 'stripe';
import { SIMULATOR_STRIPE_WEBHOOK_SECRET } from '../../config/simulator-credentials';
import { loadPricingCatalog } from '../../config/pricing';
import { AuditLog, BillingAccount, InvoiceLine } from '../../db/entities';
import { inScope, type ScopedEm } from '../../db/scope';
import { assertPlanFeature } from '../../domain/billing/assert-plan-feature';
import { periodOf } from '../../domain/billing/billing-period';
import { findTenantPlan } from '../../domain/billing/find-tenant-plan';
import { preparePeriodInvoice } from '../../domain/billing/prepare-period-invoice';
import { rateUsage, withoutMonthlyFee } from '../../domain/billing/rate-usage';
import type { RunningSimulator } from '../../sim/start-simulator';
import { stripeClientFor } from '../../sim/stripe/sdk-client';
import { stripeSimControl } from '../../sim/stripe/stripe-control';
import { platformWorkflows } from '../support/workflow-bundle';
import type { ChangeStripePlanResult } from '../../workflows/change-stripe-plan';
import { eventually } from '../support/eventually';
import { bearerFor, makeTenant, makeUser, subscribeTenant } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';
import { startTestSimulator } from '../support/test-simulator';

const PRICES = { pro: 'price_voiceplane_pro_monthly', enterprise: 'price_voiceplane_enterprise_monthly' };
/** Re-record with RECORD_HISTORIES=1 only for an intended, versioned change of the workflow. */
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'change-stripe-plan.history.bin');
const sdk = new Stripe('sk_test_unused');

/**
 * The tenant's subscription following Stripe: Checkout completed through the simulator's hosted page and signed
 * webhooks (relayed through the inbox), plan switches and cancellations on Stripe, admin plan changes carried
 * to Stripe by `changeStripePlan`, and the fee rule on the platform invoice.
 */
describe('Stripe subscription sync', () => {
  let sim: RunningSimulator;
  let h: Harness;
  let stripe: Stripe;
  let apiUrl: string;
  let adminHeaders: { authorization: string };

  beforeAll(async () => {
    sim = await startTestSimulator();
    h = await createHarness({ worker: true, simulatorUrl: sim.url });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    apiUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    await stripeSimControl(sim.url).webhookEndpoint(`${apiUrl}/api/billing/stripe/webhook`);
    stripe = stripeClientFor(sim.url);
    adminHeaders = await bearerFor(h.app, await makeUser(h.orm, 'platform_admin', null));
  });
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  const read = <T>(work: (em: ScopedEm) => Promise<T>) => inScope(h.orm, { system: 'test' }, work);
  const planOf = (tenantId: string) =>
    read(async (em) => {
      const current = await findTenantPlan(em, tenantId);
      return {
        plan: current?.plan.code,
        status: current?.subscription.status,
        stripeSubscriptionId: current?.subscription.stripeSubscriptionId ?? null,
      };
    });
  const auditsOf = (tenantId: string, action: string) =>
    read((em) => em.find(AuditLog, { tenantId, action }, { orderBy: { createdAt: 'asc' } }));
  const customerAdmin = async (tenantId: string) => {
    const user = await makeUser(h.orm, 'customer_admin', tenantId);
    return { user, headers: await bearerFor(h.app, user) };
  };

  /** Every event the simulator sent has been answered, and every inbox row of the tenant has been applied. */
  async function settled(tenantId: string) {
    await eventually(
      async () => (await stripeSimControl(sim.url).state()).deliveries.filter((d) => d.status === 'pending').length,
      (pending) => pending === 0,
      { what: 'the simulator’s webhooks to be answered' },
    );
    await eventually(
      () =>
        read((em) =>
          em.execute<{ n: string }[]>(
            `select count(*) as n from webhook_events where tenant_id = ? and status <> 'delivered'`,
            [tenantId],
          ),
        ),
      (rows) => Number(rows[0]!.n) === 0,
      { what: 'the tenant’s inbox to be delivered' },
    );
  }

  /** A Starter tenant whose admin upgrades to `plan` through the hosted Checkout page; its Stripe subscription. */
  async function upgradedThroughCheckout(plan: 'pro' | 'enterprise' = 'pro') {
    const tenant = await makeTenant(h.orm);
    await subscribeTenant(h.orm, tenant.id, 'starter');
    const admin = await customerAdmin(tenant.id);
    const started = await h.app.inject({
      method: 'POST',
      url: '/api/billing/checkout',
      headers: admin.headers,
      payload: { planCode: plan },
    });
    expect(started.statusCode).toBe(200);
    const { sessionId } = started.json<{ sessionId: string }>();
    const paid = await fetch(`${sim.url}/stripe/checkout/${sessionId}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://localhost:3000/app/billing?checkout=success&plan=${plan}`);
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    const subscriptionId = session.subscription as string;
    await eventually(
      () => planOf(tenant.id),
      (now) => now.plan === plan,
      { what: `the tenant on ${plan}` },
    );
    return { tenant, admin, subscriptionId, customerId: session.customer as string };
  }

  it('upgrades through Checkout: the completed session links the subscription, Pro is active, the 402 gate lifts', async () => {
    const tenant = await makeTenant(h.orm);
    await subscribeTenant(h.orm, tenant.id, 'starter');
    const admin = await customerAdmin(tenant.id);
    const actor = { userId: admin.user.id, role: 'customer_admin' as const, tenantId: tenant.id };
    const gate = () => assertPlanFeature(h, { actor, tenantId: tenant.id, feature: 'customPrompts' });
    await expect(gate()).rejects.toMatchObject({ status: 402, extensions: { requiredPlan: 'pro' } });

    const started = await h.app.inject({
      method: 'POST',
      url: '/api/billing/checkout',
      headers: admin.headers,
      payload: { planCode: 'pro' },
    });
    const { url, sessionId } = started.json<{ url: string; sessionId: string }>();
    expect(await fetch(url).then((page) => page.text())).toContain('id="pay"');
    await fetch(`${url}/pay`, { method: 'POST', redirect: 'manual' });
    const { subscription } = await stripe.checkout.sessions.retrieve(sessionId);

    const linked = await eventually(
      () => planOf(tenant.id),
      (now) => now.plan === 'pro',
    );
    expect(linked).toEqual({ plan: 'pro', status: 'active', stripeSubscriptionId: subscription });
    await expect(gate()).resolves.toBeUndefined();
    const changes = await auditsOf(tenant.id, 'subscription.plan_changed');
    expect(changes.map((audit) => audit.details)).toEqual([
      expect.objectContaining({ from: 'starter', to: 'pro', via: 'checkout', stripeSubscriptionId: subscription }),
    ]);
    const view = await h.app.inject({ url: '/api/billing/subscription', headers: admin.headers });
    expect(view.json()).toMatchObject({ plan: { code: 'pro' }, status: 'active', managedByStripe: true });

    // Stripe resending the completed event (a redelivery) changes and audits nothing more.
    const completed = (await stripeSimControl(sim.url).state()).events.filter(
      (event) => event.type === 'checkout.session.completed',
    );
    for (const event of completed) await stripeSimControl(sim.url).resend(event.id);
    await settled(tenant.id);
    expect(await auditsOf(tenant.id, 'subscription.stripe_linked')).toHaveLength(1);
  });

  it('follows a plan switched on Stripe (the customer portal): the new price moves the tenant to its plan', async () => {
    const { tenant, subscriptionId } = await upgradedThroughCheckout('pro');
    const current = await stripe.subscriptions.retrieve(subscriptionId);
    await stripe.subscriptions.update(subscriptionId, {
      items: [{ id: current.items.data[0]!.id, price: PRICES.enterprise }],
      proration_behavior: 'none',
    });
    const moved = await eventually(
      () => planOf(tenant.id),
      (now) => now.plan === 'enterprise',
    );
    expect(moved).toEqual({ plan: 'enterprise', status: 'active', stripeSubscriptionId: subscriptionId });
    const changes = await auditsOf(tenant.id, 'subscription.plan_changed');
    expect(changes.at(-1)?.details).toMatchObject({
      from: 'pro',
      to: 'enterprise',
      via: 'stripe',
      stripePriceId: PRICES.enterprise,
      system: 'stripe-webhooks',
    });
  });

  it('moves the tenant to the default plan when Stripe deletes the subscription', async () => {
    const { tenant, subscriptionId } = await upgradedThroughCheckout('pro');
    await stripe.subscriptions.cancel(subscriptionId);
    const downgraded = await eventually(
      () => planOf(tenant.id),
      (now) => now.plan === 'starter',
    );
    expect(downgraded).toEqual({ plan: 'starter', status: 'active', stripeSubscriptionId: null });
  });

  it('changes nothing for events about a Stripe subscription the tenant’s subscription does not name', async () => {
    const { tenant, customerId, subscriptionId } = await upgradedThroughCheckout('pro');
    const other = `sub_unknown_${randomUUID().slice(0, 8)}`;
    for (const type of ['customer.subscription.updated', 'customer.subscription.deleted']) {
      const response = await h.app.inject(signed(subscriptionEvent(type, customerId, other, PRICES.enterprise)));
      expect(response.statusCode).toBe(200);
    }
    await settled(tenant.id);
    expect(await planOf(tenant.id)).toEqual({ plan: 'pro', status: 'active', stripeSubscriptionId: subscriptionId });
  });

  describe('checkout.session.completed events', () => {
    /** A Starter tenant whose billing account is a Stripe customer of this test (no simulator involved). */
    async function starterCustomer() {
      const tenant = await makeTenant(h.orm);
      await subscribeTenant(h.orm, tenant.id, 'starter');
      const customerId = `cus_test_${randomUUID().slice(0, 12)}`;
      await read(async (em) => {
        em.create(BillingAccount, {
          tenantId: tenant.id,
          stripeCustomerId: customerId,
          email: 'b@example.test',
          currency: 'EUR',
        });
        await em.flush();
      });
      return { tenantId: tenant.id, customerId };
    }
    const inboxRows = (eventId: string) =>
      read((em) =>
        em.execute<{ status: string }[]>(
          `select status from webhook_events where provider = 'stripe' and dedupe_key = ?`,
          [eventId],
        ),
      );

    it('refuses a forged or an expired event and changes nothing', async () => {
      const { tenantId, customerId } = await starterCustomer();
      const event = checkoutEvent(customerId, { tenantId });
      const forged = await h.app.inject(signed(event, { secret: 'whsec_forged' }));
      expect(forged.statusCode).toBe(400);
      expect(forged.headers['content-type']).toContain('application/problem+json');
      expect((await h.app.inject(signed(event, { ageSeconds: 301 }))).statusCode).toBe(400);
      expect(await inboxRows(event.id)).toEqual([]);
      expect(await planOf(tenantId)).toMatchObject({ plan: 'starter', stripeSubscriptionId: null });
    });

    it('applies a replayed event once', async () => {
      const { tenantId, customerId } = await starterCustomer();
      const event = checkoutEvent(customerId, { tenantId });
      expect((await h.app.inject(signed(event))).statusCode).toBe(200);
      expect((await h.app.inject(signed(event))).statusCode).toBe(200);
      await settled(tenantId);
      expect(await inboxRows(event.id)).toEqual([{ status: 'delivered' }]);
      const linked = event.data.object.subscription;
      expect(await planOf(tenantId)).toEqual({ plan: 'pro', status: 'active', stripeSubscriptionId: linked });
      expect(await auditsOf(tenantId, 'subscription.stripe_linked')).toHaveLength(1);
      expect(await auditsOf(tenantId, 'subscription.plan_changed')).toHaveLength(1);
    });

    it('refuses a session started for another tenant, or one that did not charge the plan’s fee', async () => {
      const { tenantId, customerId } = await starterCustomer();
      const foreign = checkoutEvent(customerId, { tenantId: randomUUID() });
      const cheap = checkoutEvent(customerId, { tenantId, amount: 100 });
      for (const event of [foreign, cheap]) expect((await h.app.inject(signed(event))).statusCode).toBe(200);
      await settled(tenantId);
      expect(await planOf(tenantId)).toMatchObject({ plan: 'starter', stripeSubscriptionId: null });
      const refused = await auditsOf(tenantId, 'subscription.checkout_refused');
      expect(refused.map((audit) => audit.details.reason)).toEqual([
        'the session was started for another tenant',
        'the session charged 100 eur, not the plan’s fee',
      ]);
    });
  });

  it('carries an admin’s plan change to the Stripe subscription: a new price, then cancelled for a free plan', async () => {
    const { tenant, subscriptionId } = await upgradedThroughCheckout('pro');
    await settled(tenant.id);
    const change = (planCode: string) =>
      h.app.inject({
        method: 'PUT',
        url: `/api/tenants/${tenant.id}/plan`,
        headers: adminHeaders,
        payload: { planCode },
      });

    const up = await change('enterprise');
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ stripeFollowUp: 'update', stripeWorkflowId: expect.stringContaining(tenant.id) });
    const handle = h.client.workflow.getHandle(up.json().stripeWorkflowId);
    expect(await handle.result()).toEqual<ChangeStripePlanResult>({
      outcome: 'updated',
      planCode: 'enterprise',
      stripeSubscriptionId: subscriptionId,
    });
    const atStripe = await stripe.subscriptions.retrieve(subscriptionId);
    expect(atStripe.items.data.map((item) => item.price.id)).toEqual([PRICES.enterprise]);
    // Stripe's echo of the change (customer.subscription.updated) leaves the plan as the admin set it.
    await settled(tenant.id);
    expect(await planOf(tenant.id)).toEqual({
      plan: 'enterprise',
      status: 'active',
      stripeSubscriptionId: subscriptionId,
    });

    const history = await handle.fetchHistory();
    if (process.env.RECORD_HISTORIES) writeFileSync(FIXTURE, temporal.api.history.v1.History.encode(history).finish());
    await expect(Worker.runReplayHistory(platformWorkflows(), history, handle.workflowId)).resolves.toBeUndefined();

    const down = await change('starter');
    expect(down.json()).toMatchObject({ stripeFollowUp: 'cancel' });
    expect(await h.client.workflow.getHandle(down.json().stripeWorkflowId).result()).toMatchObject({
      outcome: 'canceled',
    });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('canceled');
    await settled(tenant.id);
    expect(await planOf(tenant.id)).toEqual({ plan: 'starter', status: 'active', stripeSubscriptionId: null });
    expect(await auditsOf(tenant.id, 'subscription.stripe_unlinked')).toHaveLength(1);
  });

  it('replays a changeStripePlan history recorded with an earlier build', async () => {
    expect(existsSync(FIXTURE)).toBe(true);
    const history = temporal.api.history.v1.History.decode(readFileSync(FIXTURE));
    await expect(Worker.runReplayHistory(platformWorkflows(), history)).resolves.toBeUndefined();
  });

  it('leaves the monthly fee off the platform invoice when a Stripe subscription collects it (the fee rule)', async () => {
    const pro = loadPricingCatalog().plans.find((plan) => plan.id === 'pro')!;
    const usage = { minutes: 1800, call_started: 300 };
    const period = periodOf(new Date());
    const invoiced = async (stripeSubscriptionId?: string) => {
      const tenant = await makeTenant(h.orm);
      await subscribeTenant(h.orm, tenant.id, 'pro', stripeSubscriptionId ? { stripeSubscriptionId } : {});
      await read(async (em) => {
        for (const [kind, quantity] of Object.entries(usage)) {
          await em.execute(
            `insert into usage_daily (tenant_id, bot_id, day, kind, quantity, events) values (?, ?, ?, ?, ?, 1)`,
            [tenant.id, randomUUID(), `${period}-01`, kind, quantity],
          );
        }
      });
      const prepared = await preparePeriodInvoice(h, {
        actor: { system: 'test' },
        tenantId: tenant.id,
        period,
        workflowId: `fee-rule-${tenant.id}`,
      });
      if (!('invoiceId' in prepared)) throw new Error(`nothing prepared: ${prepared.outcome}`);
      const lines = await read((em) =>
        em.find(InvoiceLine, { invoiceId: prepared.invoiceId }, { orderBy: { position: 'asc' } }),
      );
      return { total: prepared.totalCents, lines: lines.map((line) => [line.kind, Number(line.amountCents)]) };
    };

    const onStripe = await invoiced(`sub_${randomUUID().slice(0, 12)}`);
    const withoutStripe = await invoiced();
    const usageOnly = rateUsage(withoutMonthlyFee(pro), usage);
    expect(onStripe).toEqual({
      total: usageOnly.totalCents,
      lines: usageOnly.lines.map((line) => [line.kind, line.amountCents]),
    });
    expect(withoutStripe.lines[0]).toEqual(['subscription', pro.monthlyFeeCents]);
    expect(withoutStripe.total).toBe(usageOnly.totalCents + pro.monthlyFeeCents);
  });

  it('does not follow a price change Stripe made before the platform’s latest plan change', async () => {
    const { tenant, customerId, subscriptionId } = await upgradedThroughCheckout('pro');
    await settled(tenant.id);
    // Dated before the tenant existed, so before Checkout's plan change: an old event arriving late.
    const stale = subscriptionEvent('customer.subscription.updated', customerId, subscriptionId, PRICES.enterprise, {
      createdSecondsAgo: 120,
    });
    const response = await h.app.inject(signed(stale));
    expect(response.statusCode).toBe(200);
    await settled(tenant.id);
    expect((await planOf(tenant.id)).plan).toBe('pro');
    const fresh = subscriptionEvent('customer.subscription.updated', customerId, subscriptionId, PRICES.enterprise);
    await h.app.inject(signed(fresh));
    await eventually(
      () => planOf(tenant.id),
      (now) => now.plan === 'enterprise',
    );
  });
});

/** A signed webhook request as Stripe sends it (the SDK's own test header), optionally forged or too old. */
function signed(event: object, { secret = SIMULATOR_STRIPE_WEBHOOK_SECRET, ageSeconds = 0 } = {}) {
  const payload = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000) - ageSeconds;
  const signature = sdk.webhooks.generateTestHeaderString({ payload, secret, timestamp });
  return {
    method: 'POST' as const,
    url: '/api/billing/stripe/webhook',
    payload,
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
  };
}

/** `checkout.session.completed` for a Pro subscription, with the fields the adapter maps. */
function checkoutEvent(customer: string, { tenantId, amount = 4900 }: { tenantId: string; amount?: number }) {
  const created = Math.floor(Date.now() / 1000);
  const subscription = `sub_test_${randomUUID().slice(0, 12)}`;
  const session = {
    object: 'checkout.session',
    id: `cs_test_${randomUUID().replace(/-/g, '')}`,
    url: null,
    status: 'complete',
    mode: 'subscription',
    customer,
    subscription,
    client_reference_id: tenantId,
    metadata: { tenantId, planCode: 'pro' },
    amount_subtotal: amount,
    currency: 'eur',
  };
  return {
    id: `evt_${randomUUID()}`,
    object: 'event',
    type: 'checkout.session.completed',
    created,
    data: { object: session },
  };
}

/** A subscription event billing `price`, created `createdSecondsAgo` before now. */
function subscriptionEvent(type: string, customer: string, id: string, price: string, { createdSecondsAgo = 0 } = {}) {
  const created = Math.floor(Date.now() / 1000) - createdSecondsAgo;
  const subscription = {
    object: 'subscription',
    id,
    customer,
    status: type === 'customer.subscription.deleted' ? 'canceled' : 'active',
    cancel_at_period_end: false,
    metadata: {},
    items: {
      object: 'list',
      data: [{ id: 'si_test', price: { id: price }, quantity: 1, current_period_end: created }],
    },
  };
  return { id: `evt_${randomUUID()}`, object: 'event', type, created, data: { object: subscription } };
}

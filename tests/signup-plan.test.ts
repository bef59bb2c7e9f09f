import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import type Stripe from 'stripe';
import { AuditLog, Tenant, User } from '../db/entities';
import { inScope, type ScopedEm } from '../db/scope';
import { findTenantPlan } from '../domain/billing/find-tenant-plan';
import { onboardingWorkflowId } from '../domain/tenants/onboarding-steps';
import type { RunningSimulator } from '../sim/start-simulator';
import { stripeClientFor } from '../sim/stripe/sdk-client';
import { stripeSimControl } from '../sim/stripe/stripe-control';
import { platformWorkflows } from './support/workflow-bundle';
import { SIGNUP_PAYMENT_PATCH } from '../workflows/tenant-onboarding';
import { eventually } from './support/eventually';
import { bearerFor, makeTenant, makeUser } from './support/factories';
import { createHarness, type Harness } from './support/harness';
import { startTestSimulator } from './support/test-simulator';

/** Re-record with RECORD_HISTORIES=1 only for an intended, versioned change of the workflow. */
const FIXTURE = path.join(__dirname, 'fixtures', 'tenant-onboarding-paid-plan.history.bin');
const WELCOME = 'http://localhost:3000/register/welcome';
const PASSWORD = 'a-long-password';

const encoded = (history: temporal.api.history.v1.IHistory) =>
  Buffer.from(temporal.api.history.v1.History.encode(history).finish());
const tokenFrom = (text: string): string => /verify\?token=([A-Za-z0-9_-]+)/.exec(text)![1]!;
const newEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
type Stage = { stage: string; state: string };
const stateOf = (progress: { stages: Stage[] }) =>
  Object.fromEntries(progress.stages.map((entry) => [entry.stage, entry.state]));

/**
 * Sign-up with a plan chosen on the public page: the free plan is in force at once; a paid one starts on the free
 * plan, the verification link sends the customer to Checkout for it, and the completed Checkout switches the plan
 * while the onboarding run shows verify email → choose/pay → ready. Against the Stripe simulator and its webhooks.
 */
describe('sign-up with plan choice', () => {
  let sim: RunningSimulator;
  let h: Harness;
  let stripe: Stripe;

  beforeAll(async () => {
    sim = await startTestSimulator();
    h = await createHarness({ worker: true, simulatorUrl: sim.url, verificationTimeoutMs: 120_000 });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const apiUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    await stripeSimControl(sim.url).webhookEndpoint(`${apiUrl}/api/billing/stripe/webhook`);
    stripe = stripeClientFor(sim.url);
  });
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  const register = (email: string, planSlug?: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        companyName: 'Alpenblick Hotels',
        name: 'Olga Owner',
        email,
        password: PASSWORD,
        ...(planSlug === undefined ? {} : { planSlug }),
      },
    });
  const read = <T>(work: (em: ScopedEm) => Promise<T>) => inScope(h.orm, { system: 'test' }, work);
  const tenantOf = (email: string) =>
    read(async (em) => {
      const user = await em.findOneOrFail(User, { email });
      return em.findOneOrFail(Tenant, { id: user.tenantId! }, { refresh: true });
    });
  const planOf = (tenantId: string) =>
    read(async (em) => {
      const current = await findTenantPlan(em, tenantId);
      return { plan: current?.plan.code ?? null, stripeSubscriptionId: current?.subscription.stripeSubscriptionId };
    });
  const mailTo = (email: string) =>
    eventually(
      async () => h.mails.find((mail) => mail.to === email),
      (found) => found !== undefined,
      { what: `the verification mail to ${email}` },
    ).then((mail) => mail!);
  const progressOf = (tenantId: string, headers: { authorization: string }) =>
    h.app.inject({ url: `/api/tenants/${tenantId}/onboarding`, headers }).then((r) => r.json());

  it('lists the plans a new customer may choose without signing in', async () => {
    const response = await h.app.inject({ url: '/api/auth/signup-plans' });
    expect(response.statusCode).toBe(200);
    const plans = response.json<{ items: { code: string; monthlyFeeCents: number; isDefault: boolean }[] }>().items;
    expect(plans.map((plan) => plan.code)).toEqual(['starter', 'pro', 'enterprise']);
    expect(plans.find((plan) => plan.isDefault)).toMatchObject({ code: 'starter', monthlyFeeCents: 0 });
  });

  it('registers with the free plan: Starter is in force at once and the link needs no Checkout', async () => {
    const email = newEmail('free');
    expect((await register(email, 'starter')).statusCode).toBe(202);
    const tenant = await tenantOf(email);
    expect(tenant).toMatchObject({ status: 'pending_verification', signupPlan: 'starter' });
    // In force before the address is even confirmed.
    await eventually(
      () => planOf(tenant.id),
      (now) => now.plan === 'starter',
      { what: 'Starter in force' },
    );
    const registered = await read((em) =>
      em.findOneOrFail(AuditLog, { tenantId: tenant.id, action: 'tenant.registered' }),
    );
    expect(registered.details).toEqual({ planCode: 'starter' });

    const headers = await bearerFor(h.app, { email, password: PASSWORD });
    const waiting = await eventually(
      () => progressOf(tenant.id, headers),
      (progress) => progress.step === 'awaiting_verification',
    );
    expect(waiting.planCode).toBe('starter');
    expect(stateOf(waiting)).toEqual({ verify_email: 'current', choose_plan: 'pending', ready: 'pending' });

    const token = tokenFrom((await mailTo(email)).text);
    const verified = await h.app.inject({ url: `/api/auth/verify?token=${token}` });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ tenantId: tenant.id, planCode: 'starter', checkoutUrl: null });
    await expect(h.client.workflow.getHandle(onboardingWorkflowId(tenant.id)).result()).resolves.toBe('active');
    expect(stateOf(await progressOf(tenant.id, headers))).toEqual({
      verify_email: 'done',
      choose_plan: 'done',
      ready: 'done',
    });
    expect(await planOf(tenant.id)).toEqual({ plan: 'starter', stripeSubscriptionId: null });

    // A browser following the link again is sent to sign in, on to the onboarding page.
    const browser = await h.app.inject({ url: `/api/auth/verify?token=${token}`, headers: { accept: 'text/html' } });
    expect(browser.statusCode).toBe(302);
    expect(browser.headers.location).toBe('http://localhost:3000/login?verified=1&redirectTo=%2Fregister%2Fwelcome');
  });

  it('registers without a plan on the price list’s default plan', async () => {
    const email = newEmail('default');
    expect((await register(email)).statusCode).toBe(202);
    const tenant = await tenantOf(email);
    expect(tenant.signupPlan).toBe('starter');
    await eventually(
      () => planOf(tenant.id),
      (now) => now.plan === 'starter',
    );
  });

  it('registers with a paid plan: on Starter until Checkout for Pro completes, then Pro and onboarding ready', async () => {
    const email = newEmail('paid');
    expect((await register(email, 'Pro')).statusCode).toBe(202);
    const tenant = await tenantOf(email);
    expect(tenant.signupPlan).toBe('pro');
    // Never without a plan: the free default until the chosen one is paid.
    await eventually(
      () => planOf(tenant.id),
      (now) => now.plan === 'starter',
      { what: 'Starter in force' },
    );

    const verified = await h.app.inject({ url: `/api/auth/verify?token=${tokenFrom((await mailTo(email)).text)}` });
    expect(verified.statusCode).toBe(200);
    const { checkoutUrl, planCode } = verified.json<{ checkoutUrl: string; planCode: string }>();
    expect(planCode).toBe('pro');
    expect(checkoutUrl).toMatch(new RegExp(`^${sim.url}/stripe/checkout/cs_`));
    const sessionId = checkoutUrl.split('/').at(-1)!;
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    expect(session).toMatchObject({
      mode: 'subscription',
      client_reference_id: tenant.id,
      metadata: { tenantId: tenant.id, planCode: 'pro' },
      amount_subtotal: 4900,
      success_url: `${WELCOME}?checkout=success&plan=pro`,
      cancel_url: `${WELCOME}?checkout=cancelled`,
    });
    const started = await read((em) => em.find(AuditLog, { tenantId: tenant.id, action: 'billing.checkout_started' }));
    expect(started.map((audit) => audit.details)).toEqual([
      { planCode: 'pro', stripeCheckoutSessionId: sessionId, system: 'signup-checkout' },
    ]);

    // Verified and active, but still on Starter: the run waits in its choose/pay stage.
    const headers = await bearerFor(h.app, { email, password: PASSWORD });
    const paying = await eventually(
      () => progressOf(tenant.id, headers),
      (progress) => progress.step === 'awaiting_payment',
      { what: 'the run to wait for the payment' },
    );
    expect(paying).toMatchObject({ verified: true, planCode: 'pro', source: 'workflow' });
    expect(stateOf(paying)).toEqual({ verify_email: 'done', choose_plan: 'current', ready: 'pending' });
    expect((await tenantOf(email)).status).toBe('active');
    expect(await planOf(tenant.id)).toEqual({ plan: 'starter', stripeSubscriptionId: null });

    // The onboarding page's button asks for the same Checkout (same return page, same window): the same session.
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/billing/checkout',
      headers,
      payload: { planCode: 'pro', returnTo: 'signup' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ sessionId });

    const paid = await fetch(`${checkoutUrl}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`${WELCOME}?checkout=success&plan=pro`);
    const { subscription } = await stripe.checkout.sessions.retrieve(sessionId);
    await eventually(
      () => planOf(tenant.id),
      (now) => now.plan === 'pro',
      { what: 'Pro in force' },
    );
    expect(await planOf(tenant.id)).toEqual({ plan: 'pro', stripeSubscriptionId: subscription });

    const handle = h.client.workflow.getHandle(onboardingWorkflowId(tenant.id));
    await expect(handle.result()).resolves.toBe('active');
    const done = await progressOf(tenant.id, headers);
    expect(stateOf(done)).toEqual({ verify_email: 'done', choose_plan: 'done', ready: 'done' });
    expect((await tenantOf(email)).onboardingStep).toBe('active');

    // Once paid, the link offers no second Checkout: a browser is sent to sign in.
    const later = await h.app.inject({
      url: `/api/auth/verify?token=${tokenFrom((await mailTo(email)).text)}`,
      headers: { accept: 'text/html' },
    });
    expect(later.headers.location).toMatch(/\/login\?verified=1/);

    const history = await handle.fetchHistory();
    expect(encoded(history).includes(SIGNUP_PAYMENT_PATCH)).toBe(true);
    if (process.env.RECORD_HISTORIES) writeFileSync(FIXTURE, temporal.api.history.v1.History.encode(history).finish());
    await expect(
      Worker.runReplayHistory(platformWorkflows(), history, onboardingWorkflowId(tenant.id)),
    ).resolves.toBeUndefined();
  });

  it('refuses an unknown plan (422 naming it) and a malformed one (400), for new and known addresses alike', async () => {
    const email = newEmail('unknown');
    const unknown = await register(email, 'gold');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ code: 'unprocessable', plan: 'gold' });
    expect(unknown.json().detail).toContain('gold');
    expect((await register(email, 'Pro Plan!')).statusCode).toBe(400);
    const typed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { companyName: 'Typo AG', name: 'T', email, password: PASSWORD, planSlug: 42 },
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().errors).toEqual([expect.objectContaining({ path: 'body.planSlug' })]);
    expect(await read((em) => em.count(User, { email }))).toBe(0);

    const known = await makeUser(h.orm, 'customer_admin', (await makeTenant(h.orm)).id);
    const taken = await register(known.email, 'gold');
    expect(taken.statusCode).toBe(422);
    expect(taken.json()).toMatchObject({ plan: 'gold' });
  });

  it('shows a tenant’s sign-up progress and plan to its own users only', async () => {
    const email = newEmail('isolated');
    await register(email, 'pro');
    const tenant = await tenantOf(email);
    const other = await makeUser(h.orm, 'customer_admin', (await makeTenant(h.orm)).id);
    const foreign = await h.app.inject({
      url: `/api/tenants/${tenant.id}/onboarding`,
      headers: await bearerFor(h.app, other),
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).not.toHaveProperty('planCode');
    const own = await progressOf(tenant.id, await bearerFor(h.app, { email, password: PASSWORD }));
    expect(own).toMatchObject({ tenantId: tenant.id, planCode: 'pro' });
  });
});

describe('paid sign-up onboarding replay of the committed history', () => {
  it('replays the recorded run of a paid plan chosen at sign-up', async () => {
    const history = temporal.api.history.v1.History.decode(readFileSync(FIXTURE));
    // Recorded on the new path: the run carries the payment patch's marker.
    expect(encoded(history).includes(SIGNUP_PAYMENT_PATCH)).toBe(true);
    await expect(Worker.runReplayHistory(platformWorkflows(), history)).resolves.toBeUndefined();
  });
});

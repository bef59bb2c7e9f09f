import { randomInt, randomUUID } from 'node:crypto';
import { loadPricingCatalog } from '../../config/pricing';
import type { BotStatus } from '../../contracts/bot-status';
import type { UsageKind } from '../../contracts/usage-kind';
import { AuditLog, Bot } from '../../db/entities';
import { inScope } from '../../db/scope';
import { rateUsage } from '../../domain/billing/rate-usage';
import { resolveCallRoute } from '../../domain/telephony/resolve-call-route';
import { insertUsageOnce } from '../../domain/usage/insert-usage-once';
import { bearerFor, makeTenant, makeUser, makeWorld, subscribeTenant } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';

const catalog = loadPricingCatalog();
const DAY_MS = 86_400_000;

describe('plans, subscriptions and plan gates', () => {
  let h: Harness;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    h = await createHarness();
    world = await makeWorld(h.orm, h.app);
  });
  afterAll(() => h.close());

  const admin = () => world.headers.platform_admin;

  const addUsage = (tenantId: string, kind: UsageKind, quantity: number, occurredAt = new Date()) =>
    inScope(h.orm, { system: 'test' }, (em) =>
      insertUsageOnce(em, {
        tenantId,
        botId: null,
        kind,
        quantity,
        occurredAt,
        idempotencyKey: `test:${randomUUID()}`,
        source: 'test',
        callSid: null,
      }),
    );

  const addBot = (tenantId: string, status: BotStatus = 'ready') =>
    inScope(h.orm, { system: 'test' }, async (em) => {
      const bot = em.create(Bot, {
        tenantId,
        name: `Bot ${status}`,
        status,
        locale: 'de-AT',
        voice: 'elevenlabs:Rachel',
        greeting: 'Grüß Gott!',
        twilioNumber: status === 'ready' ? `+4315${randomInt(10_000_000, 99_999_999)}` : null,
        appUrl: status === 'ready' ? 'https://vp-plans-bot.herokuapp.com/' : null,
      });
      await em.flush();
      return bot;
    });

  /** A customer admin of a fresh tenant on `planCode`, signed in. */
  const customerOn = async (planCode: 'starter' | 'pro' | 'enterprise') => {
    const tenant = await makeTenant(h.orm);
    await subscribeTenant(h.orm, tenant.id, planCode);
    const headers = await bearerFor(h.app, await makeUser(h.orm, 'customer_admin', tenant.id));
    return { tenant, headers };
  };

  const changePlan = (tenantId: string, planCode: string, headers = admin()) =>
    h.app.inject({ method: 'PUT', url: `/api/tenants/${tenantId}/plan`, headers, payload: { planCode } });

  const createBot = (tenantId: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/bots',
      headers: admin(),
      payload: { tenantId, name: 'Front desk', greeting: 'Grüß Gott!' },
    });

  it('lists the price list to every signed-in role: fee, features, limits, included usage and prices', async () => {
    for (const role of ['platform_admin', 'support', 'customer_admin', 'customer_user'] as const) {
      const response = await h.app.inject({ url: '/api/plans', headers: world.headers[role] });
      expect(response.statusCode).toBe(200);
      expect(response.json().items).toEqual(
        catalog.plans.map((plan) => ({
          code: plan.id,
          name: plan.name,
          currency: 'EUR',
          monthlyFeeCents: plan.monthlyFeeCents,
          isDefault: plan.id === 'starter',
          features: plan.features,
          limits: plan.limits,
          usage: plan.usage,
        })),
      );
      expect(response.body).not.toContain('price_voiceplane');
    }
    expect((await h.app.inject({ url: '/api/plans' })).statusCode).toBe(401);
  });

  it('shows a customer this month’s usage against every limit and the invoice estimate, from the rollup', async () => {
    const { tenant, headers } = await customerOn('starter');
    await addBot(tenant.id, 'ready');
    await addBot(tenant.id, 'deprovisioned');
    await addUsage(tenant.id, 'minutes', 40);
    await addUsage(tenant.id, 'tts_chars', 25_000);
    const now = new Date();
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    await addUsage(tenant.id, 'minutes', 500, new Date(monthStart.getTime() - 3_600_000)); // last month

    const response = await h.app.inject({ url: '/api/billing/subscription', headers });
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view).toMatchObject({
      tenantId: tenant.id,
      plan: { code: 'starter', monthlyFeeCents: 0 },
      status: 'active',
      pastDueSince: null,
      callsRefusedFrom: null,
      period: {
        from: monthStart.toISOString().slice(0, 10),
        to: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10),
      },
      limits: [
        { limit: 'maxBots', used: 1, allowed: 1, reached: true },
        { limit: 'monthlyMinuteCap', used: 40, allowed: 100, reached: false },
      ],
      usage: { minutes: 40, tts_chars: 25_000, call_started: 0 },
    });
    // 5,000 characters beyond the 20,000 included, at 3,000 millicents per thousand: 15 cents.
    const starter = catalog.plans.find((plan) => plan.id === 'starter')!;
    expect(view.estimate).toEqual({ currency: 'EUR', ...rateUsage(starter, { minutes: 40, tts_chars: 25_000 }) });
    expect(view.estimate.totalCents).toBe(15);
  });

  it('shows platform staff the subscription of the tenant they name, and asks them to name one', async () => {
    const { tenant } = await customerOn('pro');
    const named = await h.app.inject({
      url: `/api/billing/subscription?tenantId=${tenant.id}`,
      headers: world.headers.support,
    });
    expect(named.statusCode).toBe(200);
    expect(named.json().plan.code).toBe('pro');
    expect(named.json().estimate.lines).toEqual([expect.objectContaining({ kind: 'subscription', amountCents: 4900 })]);
    const unnamed = await h.app.inject({ url: '/api/billing/subscription', headers: world.headers.support });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().errors).toEqual([{ path: 'querystring.tenantId', message: 'required for platform staff' }]);
  });

  it('never shows a customer another tenant’s subscription', async () => {
    const mine = await customerOn('starter');
    const theirs = await customerOn('enterprise');
    const probe = await h.app.inject({
      url: `/api/billing/subscription?tenantId=${theirs.tenant.id}`,
      headers: mine.headers,
    });
    expect(probe.statusCode).toBe(404);
    expect(probe.body).not.toContain('enterprise');
    const own = await h.app.inject({ url: '/api/billing/subscription', headers: theirs.headers });
    expect(own.json()).toMatchObject({ tenantId: theirs.tenant.id, plan: { code: 'enterprise' } });
  });

  it('answers 404 for a tenant that has no subscription', async () => {
    const response = await h.app.inject({ url: '/api/billing/subscription', headers: world.headers.customer_admin });
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe('Subscription not found');
  });

  it('lets a platform admin change a tenant’s plan, audited with what Stripe still has to do', async () => {
    const { tenant } = await customerOn('starter');
    const response = await changePlan(tenant.id, 'pro');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      from: 'starter',
      to: 'pro',
      changed: true,
      stripeFollowUp: 'create',
      subscription: { plan: { code: 'pro' }, status: 'active', limits: [{ limit: 'maxBots', allowed: 5 }, {}] },
    });
    const subscriptionId = response.json().subscription.id;
    const audit = () => inScope(h.orm, { system: 'test' }, (em) => em.find(AuditLog, { targetId: subscriptionId }));
    expect(await audit()).toEqual([
      expect.objectContaining({
        action: 'subscription.plan_changed',
        actorRole: 'platform_admin',
        tenantId: tenant.id,
        details: {
          from: 'starter',
          to: 'pro',
          stripeSubscriptionId: null,
          stripeFollowUp: 'create',
          changeId: expect.any(String),
        },
      }),
    ]);

    const again = await changePlan(tenant.id, 'pro');
    expect(again.json()).toMatchObject({ from: 'pro', to: 'pro', changed: false, stripeFollowUp: 'none' });
    expect(await audit()).toHaveLength(1);
    expect((await changePlan(tenant.id, 'gold')).statusCode).toBe(400);
  });

  it('says Stripe must move or cancel an existing Stripe subscription', async () => {
    const tenant = await makeTenant(h.orm);
    await subscribeTenant(h.orm, tenant.id, 'pro', { stripeSubscriptionId: `sub_${randomUUID().slice(0, 8)}` });
    expect((await changePlan(tenant.id, 'enterprise')).json().stripeFollowUp).toBe('update');
    expect((await changePlan(tenant.id, 'starter')).json().stripeFollowUp).toBe('cancel');
  });

  it('subscribes a tenant that had no subscription', async () => {
    const tenant = await makeTenant(h.orm);
    const response = await changePlan(tenant.id, 'enterprise');
    expect(response.json()).toMatchObject({ from: null, to: 'enterprise', changed: true, stripeFollowUp: 'create' });
    expect(response.json().subscription).toMatchObject({ tenantId: tenant.id, status: 'active' });
  });

  it('refuses plan changes to everyone but platform admins (403), and another tenant’s to customers (404)', async () => {
    for (const role of ['support', 'customer_admin', 'customer_user'] as const) {
      const response = await changePlan(world.tenant.id, 'enterprise', world.headers[role]);
      expect({ role, status: response.statusCode }).toEqual({ role, status: 403 });
    }
    const other = await customerOn('starter');
    expect((await changePlan(other.tenant.id, 'enterprise', world.headers.customer_admin)).statusCode).toBe(404);
    const view = await h.app.inject({ url: '/api/billing/subscription', headers: other.headers });
    expect(view.json().plan.code).toBe('starter');
  });

  it('refuses the bot beyond the plan’s maxBots with 429, and takes it once the plan allows more', async () => {
    const tenant = await makeTenant(h.orm);
    await subscribeTenant(h.orm, tenant.id, 'starter');
    await addBot(tenant.id, 'deprovisioned'); // gone, so not counted
    expect((await createBot(tenant.id)).statusCode).toBe(202);

    const refused = await createBot(tenant.id);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      status: 429,
      code: 'rate_limited',
      detail: 'The Starter plan allows 1 bot and the organisation has 1; Pro allows 5 bots',
      limit: 'maxBots',
      used: 1,
      allowed: 1,
      plan: 'starter',
      requiredPlan: 'pro',
    });
    const bots = await inScope(h.orm, { system: 'test' }, (em) => em.count(Bot, { tenantId: tenant.id }));
    expect(bots).toBe(2);

    expect((await changePlan(tenant.id, 'pro')).statusCode).toBe(200);
    expect((await createBot(tenant.id)).statusCode).toBe(202);
  });

  it('refuses calls over the minute cap and while dunning has suspended them, and takes the others', async () => {
    const tenant = await makeTenant(h.orm);
    const { twilioNumber } = await addBot(tenant.id, 'ready');
    const route = async () => {
      const routed = await resolveCallRoute(h, twilioNumber!);
      return routed.kind === 'refuse' ? routed.reason : routed.kind;
    };
    const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

    await subscribeTenant(h.orm, tenant.id, 'starter', { status: 'past_due', pastDueSince: daysAgo(2) });
    expect(await route()).toBe('connect');
    await subscribeTenant(h.orm, tenant.id, 'starter', {
      status: 'past_due',
      pastDueSince: daysAgo(15),
      suspendedAt: daysAgo(1),
    });
    expect(await route()).toBe('payment_overdue');

    await subscribeTenant(h.orm, tenant.id, 'starter');
    await addUsage(tenant.id, 'minutes', 99);
    expect(await route()).toBe('connect');
    await addUsage(tenant.id, 'minutes', 1);
    expect(await route()).toBe('over_plan_limit');
    await subscribeTenant(h.orm, tenant.id, 'enterprise');
    expect(await route()).toBe('connect');
  });
});

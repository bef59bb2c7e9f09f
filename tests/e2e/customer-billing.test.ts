import type { Tenant } from '../../db/entities';
import { findTenantPlan } from '../../domain/billing/find-tenant-plan';
import { inScope } from '../../db/scope';
import { makeTenant, makeUser, subscribeTenant, type TestUser } from '../support/factories';
import { eventually, screenshot, signIn, type BrowserContext, type Page } from './support/browser';
import { makeReadyBot, recordUsage } from './support/customer-data';
import { pagePerTest } from './support/page-per-test';
import { startStack, type Stack } from './support/stack';

/**
 * The customer Billing page in real Chromium: the admin upgrades to Pro through the Stripe simulator's hosted
 * Checkout page, comes back to the billing page and sees Pro once Stripe's signed webhook has been relayed.
 */
describe('customer billing (browser)', () => {
  let stack: Stack;
  let tenant: Tenant;
  let admin: TestUser;
  let member: TestUser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack({ stripeWebhooks: true });
    const { orm } = stack.h;
    tenant = await makeTenant(orm, { name: 'Alpenblick Hotels' });
    await subscribeTenant(orm, tenant.id, 'starter');
    const bot = await makeReadyBot(orm, tenant.id, 'Alpenblick Reception');
    await recordUsage(orm, tenant.id, bot.id, [
      { at: new Date(), kind: 'call_started', quantity: 20 },
      { at: new Date(), kind: 'minutes', quantity: 85 },
    ]);
    admin = await makeUser(orm, 'customer_admin', tenant.id);
    member = await makeUser(orm, 'customer_user', tenant.id);
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });
  pagePerTest(
    () => stack,
    (opened) => ({ context, page } = opened),
  );

  const currentPlan = () => page.getByTestId('current-plan').innerText();

  it('lets the admin upgrade to Pro through Checkout, shows Pro once Stripe confirmed it, and follows a portal switch', async () => {
    await page.goto('/login');
    await signIn(page, admin, /\/app$/);
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Billing' }).click();
    await page.waitForURL(/\/app\/billing$/);
    await expect(currentPlan()).resolves.toBe('Starter');
    const minutes = page.getByRole('progressbar', { name: 'Call minutes this month' });
    await expect(minutes.getAttribute('aria-valuenow')).resolves.toBe('85');
    await expect(minutes.getAttribute('aria-valuemax')).resolves.toBe('100');
    await expect(page.getByTestId('estimate-total').innerText()).resolves.toContain('€0.00');
    await screenshot(page, 'customer-billing-starter');

    await page.getByRole('button', { name: 'Upgrade to Pro' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${stack.sim.url}/stripe/checkout/`));
    await expect(page.locator('body').innerText()).resolves.toContain('VoicePlane Pro');
    await page.locator('#pay').click();

    await page.waitForURL((url) => url.href === `${stack.web.url}/app/billing?checkout=success&plan=pro`);
    await page.getByText('Your organisation is on the Pro plan now.').waitFor({ timeout: 30_000 });
    await expect(currentPlan()).resolves.toBe('Pro');
    await expect(
      page.getByRole('progressbar', { name: 'Call minutes this month' }).getAttribute('aria-valuemax'),
    ).resolves.toBe('5000');
    await expect(page.getByRole('article', { name: 'Pro plan' }).innerText()).resolves.toContain('Current plan');
    await screenshot(page, 'customer-billing-upgraded');

    const current = await inScope(stack.h.orm, { system: 'test' }, (em) => findTenantPlan(em, tenant.id));
    expect(current?.plan.code).toBe('pro');
    expect(current?.subscription.stripeSubscriptionId).toMatch(/^sub_/);

    // A switch in the Stripe portal comes back as customer.subscription.updated with Enterprise's price.
    await page.getByRole('button', { name: 'Manage subscription' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${stack.sim.url}/stripe/billing-portal/`));
    await expect(page.locator('.status').first().innerText()).resolves.toBe('active');
    await page.locator('#switch-to-enterprise').click();
    await page.locator('#return').click();
    await page.waitForURL((url) => url.href === `${stack.web.url}/app/billing`);
    await eventually(
      async () => {
        await page.reload();
        return currentPlan();
      },
      (plan) => plan === 'Enterprise',
      { what: 'the billing page to show Enterprise', intervalMs: 500 },
    );
    await screenshot(page, 'customer-billing-portal-switch');
  }, 180_000);

  it('shows a member the plan and usage read-only, and a cancelled checkout as unchanged', async () => {
    await page.goto('/login');
    await signIn(page, member, /\/app$/);
    await page.goto('/app/billing?checkout=cancelled');
    await page.getByText('Checkout cancelled').waitFor();
    await page.getByTestId('current-plan').waitFor();
    await expect(page.getByRole('button').allInnerTexts()).resolves.not.toEqual(
      expect.arrayContaining([expect.stringMatching(/Upgrade|Manage subscription/)]),
    );
    await page.getByText('Your organisation’s admins can change the plan.').waitFor();
    // Nor can a member start a checkout by posting the form themselves.
    const posted = await page.request.post('/api/billing/checkout', {
      data: { planCode: 'enterprise' },
      headers: { 'x-csrf-token': (await context.cookies()).find((c) => c.name === 'vp_csrf')?.value ?? '' },
    });
    expect(posted.status()).toBe(403);
    await screenshot(page, 'customer-billing-member');
  }, 120_000);
});

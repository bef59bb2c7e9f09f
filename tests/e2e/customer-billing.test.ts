import type { AddressInfo } from 'node:net';

import type { Tenant } from '../../db/entities';
import { findTenantPlan } from '../../domain/billing/find-tenant-plan';
import { inScope } from '../../db/scope';
import type { RunningSimulator } from '../../sim/start-simulator';
import { stripeSimControl } from '../../sim/stripe/stripe-control';
import { makeTenant, makeUser, subscribeTenant, type TestUser } from '../support/factories';
import { getFreePort } from '../support/free-port';
import { createHarness, type Harness } from '../support/harness';
import { startTestSimulator } from '../support/test-simulator';
import {
  collectPageErrors,
  eventually,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  type Browser,
  type BrowserContext,
  type Page,
} from './support/browser';
import { makeReadyBot, recordUsage } from './support/customer-data';
import { ensureWebBuild } from './support/web-build';
import { startWebServer, type WebServer } from './support/web-server';

/**
 * The customer Billing page in real Chromium: the admin upgrades to Pro through the Stripe simulator's hosted
 * Checkout page, comes back to the billing page and sees Pro once Stripe's signed webhook has been relayed.
 * Checkout returns to the web origin, so the web server's address is known before the API starts.
 */
describe('customer billing (browser)', () => {
  let sim: RunningSimulator;
  let h: Harness;
  let web: WebServer;
  let browser: Browser;
  let tenant: Tenant;
  let admin: TestUser;
  let member: TestUser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    const apiPort = await getFreePort();
    [sim] = await Promise.all([startTestSimulator(), ensureWebBuild()]);
    [web, browser] = await Promise.all([startWebServer({ apiUrl: `http://127.0.0.1:${apiPort}` }), launchBrowser()]);
    h = await createHarness({ worker: true, simulatorUrl: sim.url, publicBaseUrl: web.url });
    await h.app.listen({ port: apiPort, host: '127.0.0.1' });
    const apiUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    await stripeSimControl(sim.url).webhookEndpoint(`${apiUrl}/api/billing/stripe/webhook`);

    tenant = await makeTenant(h.orm, { name: 'Alpenblick Hotels' });
    await subscribeTenant(h.orm, tenant.id, 'starter');
    const bot = await makeReadyBot(h.orm, tenant.id, 'Alpenblick Reception');
    await recordUsage(h.orm, tenant.id, bot.id, [
      { at: new Date(), kind: 'call_started', quantity: 20 },
      { at: new Date(), kind: 'minutes', quantity: 85 },
    ]);
    admin = await makeUser(h.orm, 'customer_admin', tenant.id);
    member = await makeUser(h.orm, 'customer_user', tenant.id);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await h?.close();
    await sim?.stop();
  });
  beforeEach(async () => {
    context = await newContext(browser, web.url);
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
  });
  afterEach(async () => {
    await context.close();
    expect(pageErrors).toEqual([]);
  });

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
    await page.waitForURL((url) => url.href.startsWith(`${sim.url}/stripe/checkout/`));
    await expect(page.locator('body').innerText()).resolves.toContain('VoicePlane Pro');
    await page.locator('#pay').click();

    await page.waitForURL((url) => url.href === `${web.url}/app/billing?checkout=success&plan=pro`);
    await page.getByText('Your organisation is on the Pro plan now.').waitFor({ timeout: 30_000 });
    await expect(currentPlan()).resolves.toBe('Pro');
    await expect(
      page.getByRole('progressbar', { name: 'Call minutes this month' }).getAttribute('aria-valuemax'),
    ).resolves.toBe('5000');
    await expect(page.getByRole('article', { name: 'Pro plan' }).innerText()).resolves.toContain('Current plan');
    await screenshot(page, 'customer-billing-upgraded');

    const current = await inScope(h.orm, { system: 'test' }, (em) => findTenantPlan(em, tenant.id));
    expect(current?.plan.code).toBe('pro');
    expect(current?.subscription.stripeSubscriptionId).toMatch(/^sub_/);

    // A switch in the Stripe portal comes back as customer.subscription.updated with Enterprise's price.
    await page.getByRole('button', { name: 'Manage subscription' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${sim.url}/stripe/billing-portal/`));
    await expect(page.locator('.status').first().innerText()).resolves.toBe('active');
    await page.locator('#switch-to-enterprise').click();
    await page.locator('#return').click();
    await page.waitForURL((url) => url.href === `${web.url}/app/billing`);
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

import type { Bot, Invoice, Tenant } from '../../db/entities';
import { makeTenant, makeUser, subscribeTenant, type TestUser } from '../support/factories';
import {
  collectPageErrors,
  eventually,
  newContext,
  screenshot,
  signIn,
  type BrowserContext,
  type Page,
} from './support/browser';
import { makeInvoice, makeReadyBot, recordUsage } from './support/customer-data';
import { overflowingElements, pageScrollWidth } from './support/in-page';
import { pagePerTest } from './support/page-per-test';
import { startStack, type Stack } from './support/stack';

const stat = (page: Page, label: string) => page.locator(`[data-stat="${label}"] dd`).first().innerText();

/**
 * The customer portal in real Chromium: a customer sees their own usage and invoices, and neither admin pages
 * nor another tenant's data, whatever URL they type.
 */
describe('customer portal (browser)', () => {
  let stack: Stack;
  let ours: { tenant: Tenant; admin: TestUser; member: TestUser; bot: Bot; invoices: Invoice[] };
  let theirs: { tenant: Tenant; bot: Bot };
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    const { orm } = stack.h;
    const tenant = await makeTenant(orm, { name: 'Bergblick Hotels' });
    await subscribeTenant(orm, tenant.id, 'pro');
    const bot = await makeReadyBot(orm, tenant.id, 'Bergblick Reception');
    const now = new Date();
    const firstOfMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 9));
    await recordUsage(orm, tenant.id, bot.id, [
      { at: firstOfMonth, kind: 'call_started', quantity: 3 },
      { at: firstOfMonth, kind: 'minutes', quantity: 12 },
      { at: now, kind: 'call_started', quantity: 4 },
      { at: now, kind: 'minutes', quantity: 30 },
      { at: now, kind: 'stt_requests', quantity: 25 },
      { at: now, kind: 'tts_chars', quantity: 5_400 },
      { at: now, kind: 'gpt_tokens', quantity: 18_000 },
    ]);
    ours = {
      tenant,
      bot,
      admin: await makeUser(orm, 'customer_admin', tenant.id),
      member: await makeUser(orm, 'customer_user', tenant.id),
      invoices: [
        await makeInvoice(orm, tenant.id, {
          periodStart: '2026-03-01',
          periodEnd: '2026-03-31',
          status: 'paid',
          totalCents: 5_908,
          pdf: true,
        }),
        await makeInvoice(orm, tenant.id, {
          periodStart: '2026-04-01',
          periodEnd: '2026-04-30',
          status: 'open',
          totalCents: 4_900,
        }),
      ],
    };
    const other = await makeTenant(orm, { name: 'Konkurrenz GmbH' });
    theirs = { tenant: other, bot: await makeReadyBot(orm, other.id, 'Secret hotline') };
    await recordUsage(orm, other.id, theirs.bot.id, [{ at: now, kind: 'call_started', quantity: 999 }]);
    await makeInvoice(orm, other.id, {
      periodStart: '2026-04-01',
      periodEnd: '2026-04-30',
      status: 'open',
      totalCents: 123_456,
    });
  }, 180_000);
  afterAll(async () => {
    await stack?.close();
  });
  pagePerTest(
    () => stack,
    (opened) => ({ context, page } = opened),
  );

  it('shows this month’s usage with a daily chart, the invoices, and the bot settings', async () => {
    await page.goto('/login');
    await signIn(page, ours.admin, /\/app$/);
    await page.locator('[data-testid="usage-chart-day"] svg').waitFor();
    await expect(stat(page, 'Calls')).resolves.toBe('7');
    await expect(stat(page, 'Minutes')).resolves.toBe('42');
    await expect(stat(page, 'STT requests')).resolves.toBe('25');
    await expect(stat(page, 'TTS characters')).resolves.toBe('5,400');
    await expect(stat(page, 'LLM tokens')).resolves.toBe('18,000');
    // Everything is within Pro's included usage, so the estimate so far is the monthly fee.
    const cost = page.getByTestId('estimated-cost');
    await expect(cost.textContent()).resolves.toMatch(/Pro plan.*€\s?49[.,]00/);
    // Bars for the days with calls (the first of the month and today).
    await page.locator('[data-testid="usage-chart-day"] .recharts-bar-rectangle path').first().waitFor();
    await page.getByRole('button', { name: 'Minutes', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Minutes', exact: true }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await screenshot(page, 'customer-dashboard');

    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Invoices' }).click();
    await page.waitForURL(/\/app\/invoices$/);
    const rows = page.locator('[data-invoice-id]');
    await expect(rows.count()).resolves.toBe(2);
    await expect(page.locator('main').innerText()).resolves.toContain('€59.08');
    await expect(page.locator('main').innerText()).resolves.not.toContain('1,234.56');
    const march = page.locator(`[data-invoice-id="${ours.invoices[0]!.id}"]`);
    await expect(march.getByRole('link', { name: /View invoice/ }).getAttribute('href')).resolves.toBe(
      ours.invoices[0]!.hostedInvoiceUrl,
    );
    await expect(march.getByRole('link', { name: 'PDF' }).getAttribute('href')).resolves.toBe(ours.invoices[0]!.pdfUrl);
    await screenshot(page, 'customer-invoices');

    await page.goto(`/app/bots/${ours.bot.id}`);
    await page.getByLabel('Greeting').fill('Willkommen im Bergblick! Wie kann ich helfen?');
    await page.getByLabel('Voice').selectOption('elevenlabs:Bella');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await expect(page.getByLabel('Greeting').inputValue()).resolves.toBe(
      'Willkommen im Bergblick! Wie kann ich helfen?',
    );
    await screenshot(page, 'customer-bot-settings');
  }, 180_000);

  it('refuses a portal form post larger than the limit, or without a length, before reading it', async () => {
    const big = await fetch(`${stack.web.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${'a'.repeat(2 * 1024 * 1024)}`,
    });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toContain('application/problem+json');
    const chunked = await fetch(`${stack.web.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('email=a'));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(411);
  });

  it('keeps customers out of admin pages and other tenants’ data, direct URLs included', async () => {
    await page.goto('/login');
    await signIn(page, ours.member, /\/app$/);
    const nav = page.getByRole('navigation', { name: 'Portal' });
    await nav.getByRole('link', { name: 'Dashboard' }).waitFor();
    await expect(nav.getByRole('link').allInnerTexts()).resolves.toEqual([
      'Dashboard',
      'Bots',
      'Agents',
      'Calls',
      'Analytics',
      'Invoices',
      'Billing',
      'Support',
    ]);

    for (const url of [
      '/admin',
      '/admin/tenants',
      `/admin/tenants/${theirs.tenant.id}`,
      `/admin/bots/${theirs.bot.id}`,
      '/admin/usage',
    ]) {
      const response = await page.goto(url);
      expect({ url, status: response?.status() }).toEqual({ url, status: 403 });
      await page.getByText('You don’t have access to this page').waitFor();
      const text = await page.locator('body').innerText();
      expect(text).not.toContain(theirs.tenant.name);
      expect(text).not.toContain(theirs.bot.name);
    }
    await screenshot(page, 'customer-admin-url-403');

    const response = await page.goto(`/app/bots/${theirs.bot.id}`);
    expect(response?.status()).toBe(404);
    await page.getByText('Page not found').waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toContain(theirs.bot.name);
    await screenshot(page, 'customer-other-tenant-bot-404');

    // Neither through the same-origin API with the browser's own session.
    for (const url of [
      `/api/bots/${theirs.bot.id}`,
      `/api/tenants/${theirs.tenant.id}`,
      `/api/tenants/${theirs.tenant.id}/users`,
    ]) {
      const api = await page.request.get(url);
      expect({ url, status: api.status() }).toEqual({ url, status: 404 });
    }
    // A customer_user may not manage users either.
    expect((await page.goto('/app/users'))?.status()).toBe(403);
  }, 120_000);

  it('refreshes an expired session silently and sends a signed-out visitor to sign-in and back', async () => {
    await page.goto('/login');
    await signIn(page, ours.admin, /\/app$/);
    // The browser drops the access cookie when the token expires; the refresh cookie is still there.
    await context.clearCookies({ name: 'vp_access' });
    await page.goto('/app/invoices');
    await page.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/app\/invoices$/);
    expect((await context.cookies()).some((cookie) => cookie.name === 'vp_access')).toBe(true);
    // The same within the app: a link followed after the token expired.
    await context.clearCookies({ name: 'vp_access' });
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Bots' }).click();
    await page.getByRole('heading', { name: 'Bots', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/app\/bots$/);

    await context.clearCookies();
    await page.goto('/app/bots');
    await page.waitForURL(/\/login\?redirectTo=%2Fapp%2Fbots$/);
    await signIn(page, ours.admin, /\/app\/bots$/);
    await page.getByRole('link', { name: 'Bergblick Reception' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.waitForURL(/\/login\?signedOut=1$/);
    expect((await page.goto('/app'))?.url()).toMatch(/\/login\?redirectTo=%2Fapp$/);
  }, 120_000);

  it('stays on this site when a return path points elsewhere, after a refresh and after signing in', async () => {
    const appOrigin = new URL(stack.web.url).origin;
    // Any request leaving the app would be a followed open redirect; none reaches the network.
    const offsite: string[] = [];
    await context.route(
      (url) => url.origin !== appOrigin,
      (route) => {
        offsite.push(route.request().url());
        return route.abort();
      },
    );
    // A browser drops the tab (%09) and reads what is left as "//evil.example": another site.
    const hostile = encodeURIComponent('/\t/evil.example');

    await page.goto('/login');
    await signIn(page, ours.admin, /\/app$/);
    await page.goto(`/auth/refresh?redirectTo=${hostile}`);
    // The refresh page moves on by script: wait until it has gone somewhere.
    await eventually(
      async () => page.url(),
      (url) => offsite.length > 0 || new URL(url).pathname === '/app',
    );
    expect(offsite).toEqual([]);
    expect(page.url()).toBe(`${appOrigin}/app`);

    await context.clearCookies();
    await page.goto(`/login?redirectTo=${hostile}`);
    await signIn(page, ours.admin, /\/app$/);
    expect(offsite).toEqual([]);
  }, 120_000);

  it('lets a customer open a ticket that support answers from the inbox', async () => {
    await page.goto('/login');
    await signIn(page, ours.member, /\/app$/);
    await page.goto('/app/support');
    await page.getByText('No tickets yet').waitFor();
    await page.getByRole('link', { name: 'New ticket' }).click();
    await page.getByLabel('Subject').fill('No');
    await page.getByLabel('What happened?').fill('Callers hear silence after the greeting since this morning.');
    await page.getByLabel('Subject').evaluate((input) => input.removeAttribute('minlength'));
    await page.getByRole('button', { name: 'Send ticket' }).click();
    await page.getByLabel('Subject').and(page.locator('[aria-invalid="true"]')).waitFor();
    await page.getByLabel('Subject').fill('Silence after the greeting');
    await page.getByLabel('Priority').selectOption('high');
    await page.getByRole('button', { name: 'Send ticket' }).click();
    await page.waitForURL(/\/app\/support\/[0-9a-f-]{36}$/);
    const ticketPath = new URL(page.url()).pathname;
    await page.getByText('Callers hear silence after the greeting since this morning.').waitFor();

    const support = await makeUser(stack.h.orm, 'support', null);
    const staff = await newContext(stack.browser, stack.web.url);
    const inbox = await staff.newPage();
    const staffErrors = collectPageErrors(inbox);
    try {
      await inbox.goto('/login?redirectTo=%2Fadmin%2Fsupport');
      await signIn(inbox, support, /\/admin\/support$/);
      await inbox.getByLabel('Tenant').selectOption(ours.tenant.id);
      await inbox.waitForURL(new RegExp(`tenantId=${ours.tenant.id}`));
      await inbox.getByRole('link', { name: 'Silence after the greeting' }).click();
      await inbox.waitForURL(/\/admin\/support\/[0-9a-f-]{36}$/);
      await inbox.getByLabel('Reply').fill('We restarted the speech service; please try again.');
      await inbox.getByRole('button', { name: 'Send reply' }).click();
      await inbox.getByText('We restarted the speech service; please try again.').waitFor();
      await expect(inbox.getByLabel('Reply').inputValue()).resolves.toBe('');
      await screenshot(inbox, 'admin-support-ticket');
      // Support staff may look but not provision.
      await inbox.goto('/admin/bots');
      await inbox.getByRole('heading', { name: 'Bots', level: 1 }).waitFor();
      await expect(inbox.getByRole('link', { name: 'New bot' }).count()).resolves.toBe(0);
      expect(staffErrors).toEqual([]);
    } finally {
      await staff.close();
    }

    await page.goto(ticketPath);
    await page.getByText('We restarted the speech service; please try again.').waitFor();
    await screenshot(page, 'customer-support-ticket');
    await page.getByRole('button', { name: 'Close ticket' }).click();
    await page.locator('header').getByText('Closed').waitFor();
  }, 120_000);

  it('shows platform staff the usage of every tenant by day and by bot', async () => {
    const admin = await makeUser(stack.h.orm, 'platform_admin', null);
    await page.goto('/login');
    await signIn(page, admin, /\/admin$/);
    await screenshot(page, 'admin-overview');
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Usage' }).click();
    await page.waitForURL(/\/admin\/usage$/);
    await page.locator('[data-testid="usage-chart-bot"] .recharts-bar-rectangle path').first().waitFor();
    expect(Number((await stat(page, 'Calls')).replace(/,/g, ''))).toBeGreaterThanOrEqual(1_006);
    const byBot = page.getByRole('table', { name: 'Usage by bot' });
    await expect(byBot.getByRole('row', { name: /Bergblick Reception/ }).innerText()).resolves.toMatch(
      /Bergblick Reception\s+7\s+42\b/,
    );
    await byBot.getByRole('row', { name: /Secret hotline/ }).waitFor();
    await screenshot(page, 'admin-usage');
    await page.getByLabel('Tenant').selectOption({ label: ours.tenant.name });
    await page.waitForURL(new RegExp(`tenantId=${ours.tenant.id}`));
    await page.getByText(`${ours.tenant.name} ·`).waitFor();
    await expect(stat(page, 'Calls')).resolves.toBe('7');
  }, 120_000);

  it('lets a customer admin add a user, with the API’s field errors beside the fields, and deactivate them', async () => {
    await page.goto('/login?redirectTo=%2Fapp%2Fusers');
    await signIn(page, ours.admin, /\/app\/users$/);
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add user' }) });
    await form.getByLabel('Name').fill('Anna Gruber');
    await form.getByLabel('Email').fill(ours.member.email);
    await form.getByLabel('Role').selectOption('customer_user');
    await form.getByLabel('Initial password').fill('long-enough-password');
    await form.getByRole('button', { name: 'Add user' }).click();
    await form.getByText('already registered').waitFor();
    await expect(form.getByLabel('Email').getAttribute('aria-invalid')).resolves.toBe('true');

    const email = `anna-${Date.now()}@bergblick.example`;
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Add user' }).click();
    await form.getByText('Anna Gruber can now sign in.').waitFor();
    const row = page.locator(`tr[data-user-email="${email}"]`);
    await row.getByText('Active').waitFor();
    await row.getByRole('button', { name: /Deactivate/ }).click();
    await row.getByText('Deactivated').waitFor();
    await screenshot(page, 'customer-users');
  }, 120_000);

  it('works on a phone-sized screen', async () => {
    const phone = await newContext(stack.browser, stack.web.url, { width: 390, height: 844 });
    const mobile = await phone.newPage();
    const errors = collectPageErrors(mobile);
    try {
      await mobile.goto('/login');
      await signIn(mobile, ours.admin, /\/app$/);
      await mobile.locator('[data-testid="usage-chart-day"] .recharts-bar-rectangle path').first().waitFor();
      // Wide tables scroll inside their cards; the page itself never scrolls sideways.
      const overflowing = await mobile.evaluate<string[]>(overflowingElements);
      expect(overflowing).toEqual([]);
      await expect(mobile.evaluate<number>(pageScrollWidth)).resolves.toBeLessThanOrEqual(390);
      await screenshot(mobile, 'customer-dashboard-phone');
      await mobile.getByRole('button', { name: 'Open menu' }).click();
      await mobile.locator('#portal-nav-mobile').getByRole('link', { name: 'Users' }).click();
      await mobile.waitForURL(/\/app\/users$/);
      await screenshot(mobile, 'customer-users-phone');
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  }, 120_000);
});

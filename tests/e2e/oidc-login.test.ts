import { randomUUID } from 'node:crypto';
import { OIDC_LOGIN_ERROR_MESSAGES } from '../../contracts/oidc-login-errors';
import { makeTenant, makeUser } from '../support/factories';
import { screenshot, type BrowserContext, type Page } from './support/browser';
import { pagePerTest } from './support/page-per-test';
import { startStack, type Stack } from './support/stack';

/**
 * Sign-in with OpenID Connect in real Chromium: the button on /login, the provider's own sign-in form (a real
 * oidc-provider on a loopback port), and back through the web origin's API proxy into the portal.
 */
describe('sign-in with OpenID Connect (browser)', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack({ oidc: true });
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });
  pagePerTest(
    () => stack,
    (opened) => ({ context, page } = opened),
  );
  beforeEach(async () => {
    // The provider's development form asks for a web font; the test network is closed.
    await context.route('https://fonts.googleapis.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/css', body: '' }),
    );
  });

  /** Clicks "Sign in with …" on /login and signs in on the provider's form as `accountId`. */
  async function signInAtProvider(accountId: string) {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Sign in with Test Identity' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${stack.oidc!.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill(accountId);
    await page.locator('input[name="password"]').fill('whatever the provider checks');
    await page.getByRole('button', { name: 'Sign-in' }).click();
  }

  it('signs an existing customer admin in through the provider and lands in their portal', async () => {
    const tenant = await makeTenant(stack.h.orm, { name: 'Bergblick Hotels' });
    const admin = await makeUser(stack.h.orm, 'customer_admin', tenant.id);
    const accountId = `olga-${randomUUID().slice(0, 8)}`;
    stack.oidc!.addAccount(accountId, { email: admin.email, email_verified: true, name: 'Olga Owner' });

    await page.goto('/login');
    await screenshot(page, 'oidc-login-button');
    await signInAtProvider(accountId);

    await page.waitForURL((url) => url.href === `${stack.web.url}/app`);
    await page.getByRole('navigation', { name: 'Portal' }).waitFor();
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ user: { id: admin.id }, tenant: { id: tenant.id } });
    const cookies = (await context.cookies()).map((cookie) => cookie.name);
    expect(cookies).toEqual(expect.arrayContaining(['vp_access', 'vp_refresh', 'vp_csrf', 'vp_device']));
    expect(cookies).not.toContain('vp_oidc_flow');
    await screenshot(page, 'oidc-login-portal');
  }, 120_000);

  it('founds a new organisation for a new address and opens its portal as its admin', async () => {
    const email = `founder-${randomUUID().slice(0, 8)}@example.test`;
    const accountId = `new-${randomUUID().slice(0, 8)}`;
    stack.oidc!.addAccount(accountId, { email, email_verified: true, name: 'Nina Neu' });

    await signInAtProvider(accountId);
    await page.waitForURL((url) => url.href === `${stack.web.url}/app`);
    const me = await (await page.request.get('/api/auth/me')).json();
    expect(me.user).toMatchObject({ email, role: 'customer_admin' });
    expect(me.tenant.name).toBe('Nina Neu’s organisation');
  }, 120_000);

  it('brings a person whose address the provider has not verified back to sign-in, saying why', async () => {
    const accountId = `unverified-${randomUUID().slice(0, 8)}`;
    stack.oidc!.addAccount(accountId, {
      email: `unverified-${randomUUID().slice(0, 8)}@example.test`,
      email_verified: false,
      name: 'Udo Unverified',
    });

    await signInAtProvider(accountId);
    await page.waitForURL((url) => url.pathname === '/login' && url.search === '?error=oidc_email_not_verified');
    await page.getByText(OIDC_LOGIN_ERROR_MESSAGES.oidc_email_not_verified).waitFor();
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('vp_access');
    await screenshot(page, 'oidc-login-unverified');
  }, 120_000);
});

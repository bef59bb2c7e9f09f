import { randomUUID } from 'node:crypto';
import { Tenant, User } from '../../db/entities';
import { inScope } from '../../db/scope';
import { findTenantPlan } from '../../domain/billing/find-tenant-plan';
import { eventually, screenshot, type Page } from './support/browser';
import { pagePerTest } from './support/page-per-test';
import { startStack, type Stack } from './support/stack';

const PASSWORD = 'a-long-password';
const tokenFrom = (text: string): string => /verify\?token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

/**
 * Public sign-up in real Chromium: plan cards from the price list, `?plan=` preselecting one, the form, the
 * "check your mail" view; then the emailed link, Checkout for a paid plan on the Stripe simulator, and the
 * onboarding page following verify email → choose/pay → ready live.
 */
describe('sign-up with plan choice (browser)', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack({ stripeWebhooks: true });
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });
  pagePerTest(
    () => stack,
    (opened) => ({ page } = opened),
  );

  const radio = (plan: string) => page.getByRole('radio', { name: `${plan} plan` });
  const stageState = (stage: string) => page.locator(`[data-stage="${stage}"]`).getAttribute('data-state');

  async function fillAndSubmit(email: string) {
    await page.getByLabel('Organisation').fill('Alpenblick Hotels');
    await page.getByLabel('Your name').fill('Olga Owner');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: /^Create account/ }).click();
    await page.getByRole('heading', { name: 'Check your mail' }).waitFor();
  }

  const mailTo = (email: string) =>
    eventually(
      async () => stack.h.mails.find((mail) => mail.to === email),
      (found) => found !== undefined,
      { what: `the verification mail to ${email}` },
    ).then((mail) => mail!);

  const planOf = (email: string) =>
    inScope(stack.h.orm, { system: 'test' }, async (em) => {
      const user = await em.findOneOrFail(User, { email });
      const tenant = await em.findOneOrFail(Tenant, { id: user.tenantId! });
      return { signupPlan: tenant.signupPlan, inForce: (await findTenantPlan(em, tenant.id))?.plan.code ?? null };
    });

  it('picks the Pro card, registers, pays through Checkout after the link and sees onboarding reach ready', async () => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(/\/register$/);
    // Without ?plan= the default plan is chosen; ?plan= preselects its card.
    await expect(radio('Starter').isChecked()).resolves.toBe(true);
    await page.goto('/register?plan=enterprise');
    await expect(radio('Enterprise').isChecked()).resolves.toBe(true);
    await expect(page.locator('[data-plan="pro"]').innerText()).resolves.toContain('€49.00');

    await page.locator('[data-plan="pro"]').click();
    await expect(radio('Pro').isChecked()).resolves.toBe(true);
    await expect(radio('Enterprise').isChecked()).resolves.toBe(false);
    await screenshot(page, 'signup-plan-cards');
    const email = `signup-${randomUUID().slice(0, 8)}@example.test`;
    await fillAndSubmit(email);
    await expect(page.locator('main').innerText()).resolves.toContain('secure checkout for the Pro plan');
    await screenshot(page, 'signup-check-your-mail');
    await expect(planOf(email)).resolves.toMatchObject({ signupPlan: 'pro' });

    // The emailed link sends the browser straight on to Checkout for Pro.
    const token = tokenFrom((await mailTo(email)).text);
    await page.goto(`/api/auth/verify?token=${token}`);
    await page.waitForURL((url) => url.href.startsWith(`${stack.sim.url}/stripe/checkout/`));
    await expect(page.locator('body').innerText()).resolves.toContain('VoicePlane Pro');
    await expect(planOf(email)).resolves.toEqual({ signupPlan: 'pro', inForce: 'starter' });
    await page.locator('#pay').click();

    // Back from Stripe: sign in, then the onboarding page follows the plan switch to ready.
    await page.waitForURL(/\/login\?redirectTo=/);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/register\/welcome\?checkout=success&plan=pro$/);
    await page.getByRole('heading', { name: 'Welcome, Alpenblick Hotels' }).waitFor();
    await expect(stageState('verify_email')).resolves.toBe('done');
    await eventually(
      () => stageState('ready'),
      (state) => state === 'done',
      { what: 'the onboarding page to show ready', timeoutMs: 60_000, intervalMs: 500 },
    );
    await expect(stageState('choose_plan')).resolves.toBe('done');
    await page.getByRole('link', { name: 'Go to your dashboard' }).waitFor();
    await screenshot(page, 'signup-welcome-ready');
    await expect(planOf(email)).resolves.toEqual({ signupPlan: 'pro', inForce: 'pro' });
  }, 240_000);

  it('registers on the free plan: the link leads to sign-in and the onboarding page shows every stage done', async () => {
    await page.goto('/register?plan=pro');
    await page.locator('[data-plan="starter"]').click();
    await expect(radio('Starter').isChecked()).resolves.toBe(true);
    const email = `free-${randomUUID().slice(0, 8)}@example.test`;
    await fillAndSubmit(email);
    await expect(planOf(email)).resolves.toMatchObject({ signupPlan: 'starter' });

    await page.goto(`/api/auth/verify?token=${tokenFrom((await mailTo(email)).text)}`);
    await page.waitForURL(/\/login\?verified=1&redirectTo=%2Fregister%2Fwelcome$/);
    await page.getByText('Your email address is confirmed. Sign in to continue.').waitFor();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/register\/welcome$/);
    await eventually(
      () => stageState('ready'),
      (state) => state === 'done',
      { what: 'the onboarding page to show ready', timeoutMs: 30_000, intervalMs: 500 },
    );
    await expect(page.getByRole('button', { name: /Continue to payment/ }).count()).resolves.toBe(0);
    await expect(planOf(email)).resolves.toEqual({ signupPlan: 'starter', inForce: 'starter' });
  }, 180_000);
});

import type { Tenant } from '../../db/entities';
import { makeTenant, makeUser, type TestUser } from '../support/factories';
import { eventually, screenshot, signIn, type Page } from './support/browser';
import { pagePerTest } from './support/page-per-test';
import { startStack, type Stack } from './support/stack';

/**
 * The bot prompt page in real Chromium: the customer's admin sees defaults named after the tenant, the preview
 * follows the form as it is typed, a save says so, and a refused value is shown beside its field.
 */
describe('bot prompt settings (browser)', () => {
  let stack: Stack;
  let tenant: Tenant;
  let admin: TestUser;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    tenant = await makeTenant(stack.h.orm, { name: 'Talblick Physio OG' });
    admin = await makeUser(stack.h.orm, 'customer_admin', tenant.id);
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });
  pagePerTest(
    () => stack,
    (opened) => ({ page } = opened),
  );

  const greeting = () => page.getByTestId('prompt-greeting').innerText();

  it('previews the prompt while typing and saves it', async () => {
    await page.goto('/login');
    await signIn(page, admin, /\/app$/);
    await page.getByRole('link', { name: 'Bot prompt' }).click();
    await page.getByRole('heading', { name: 'Bot prompt' }).waitFor();
    expect(await page.getByLabel('Business name').inputValue()).toBe('Talblick Physio OG');
    expect(await page.getByLabel('Short name').inputValue()).toBe('Talblick Physio');
    expect(await greeting()).toContain('Talblick Physio OG');

    await page.getByLabel('Business name').fill('Talblick Physiotherapie Hallein');
    await eventually(greeting, (text) => text.includes('Talblick Physiotherapie Hallein'), {
      what: 'the preview of the typed name',
    });
    await page.getByLabel('Bot role').selectOption('sales');
    await eventually(greeting, (text) => text.includes('Mitgliedschaft'), { what: 'the sales greeting' });

    await page.getByRole('button', { name: 'Save and update bots' }).click();
    await page.getByText('Saved. Your bots are being given the new prompt.').waitFor();
    await page.reload();
    expect(await page.getByLabel('Business name').inputValue()).toBe('Talblick Physiotherapie Hallein');
    await screenshot(page, 'prompt-settings');
  }, 120_000);

  it('shows a refused time zone beside its field and saves nothing', async () => {
    await page.goto('/login');
    await signIn(page, admin, /\/app$/);
    await page.goto('/app/prompt');
    await page.getByLabel('Time zone').fill('Europe/Atlantis');
    await page.getByRole('button', { name: 'Save and update bots' }).click();
    await page.getByText('an IANA time zone such as Europe/Vienna').first().waitFor();
    const config = await stack.h.app.inject({
      url: `/api/prompt-config?tenantId=${tenant.id}`,
      headers: { authorization: `Bearer ${await tokenOf(admin)}` },
    });
    expect(config.json().settings.timeZone).toBe('Europe/Vienna');
  }, 120_000);

  const tokenOf = async (user: TestUser) => {
    const login = await stack.h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    return login.json<{ accessToken: string }>().accessToken;
  };
});

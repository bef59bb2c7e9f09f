import { randomUUID } from 'node:crypto';
import type { Tenant } from '../../db/entities';
import { BillingAccount } from '../../db/entities';
import { inScope } from '../../db/scope';
import { elevenLabsSimControl } from '../../sim/elevenlabs/elevenlabs-control';
import { makeMonitoredAgent, makeTenant, makeUser, type TestUser } from '../support/factories';
import { screenshot, signIn, type Page } from './support/browser';
import { pagePerTest } from './support/page-per-test';
import { startStack, type Stack } from './support/stack';

/**
 * The integration health badges in real Chromium: green for a working ElevenLabs key, red for a Stripe customer
 * Stripe does not know (with the reason), yellow for Twilio and mail that are not set up; on the customer's
 * integrations page and in the admin tenant view.
 */
describe('integration health badges (browser)', () => {
  let stack: Stack;
  let tenant: Tenant;
  let admin: TestUser;
  let staff: TestUser;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack({ elevenLabs: true });
    const { orm } = stack.h;
    tenant = await makeTenant(orm, { name: 'Bergblick Physio' });
    const { apiKey } = await elevenLabsSimControl(stack.sim.url).createAccount();
    await makeMonitoredAgent(orm, {
      tenantId: tenant.id,
      apiKey,
      externalAgentId: `agent_${randomUUID()}`,
      agentName: 'Empfang',
    });
    await inScope(orm, { tenantId: tenant.id }, async (em) => {
      em.create(BillingAccount, {
        tenantId: tenant.id,
        stripeCustomerId: 'cus_unknown_to_stripe',
        email: 'billing@bergblick.example',
        currency: 'EUR',
      });
      await em.flush();
    });
    admin = await makeUser(orm, 'customer_admin', tenant.id);
    staff = await makeUser(orm, 'platform_admin', null);
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });
  pagePerTest(
    () => stack,
    (opened) => ({ page } = opened),
  );

  /** The badge state of the integration named `label` in the health panel, once the panel has loaded. */
  const badgeOf = async (label: string) => {
    const row = page.getByRole('list', { name: 'Integration health' }).getByRole('listitem').filter({ hasText: label });
    await row.waitFor({ timeout: 30_000 });
    return { state: await row.locator('[data-health]').getAttribute('data-health'), text: await row.innerText() };
  };
  const expectBadges = async () => {
    await expect(badgeOf('ElevenLabs')).resolves.toMatchObject({ state: 'healthy' });
    const stripe = await badgeOf('Stripe (billing)');
    expect(stripe.state).toBe('unreachable');
    expect(stripe.text).toContain('Stripe has no such customer');
    await expect(badgeOf('Twilio (phone numbers)')).resolves.toMatchObject({ state: 'not_configured' });
    await expect(badgeOf('Email (SMTP)')).resolves.toMatchObject({ state: 'not_configured' });
  };

  it('shows green, yellow and red badges with the reason on the customer’s integrations page', async () => {
    await page.goto('/login');
    await signIn(page, admin, /\/app$/);
    await page.goto('/app/integrations');
    await page.getByRole('heading', { name: 'Integration health' }).waitFor();
    await expectBadges();
    await screenshot(page, 'integration-health-customer');
  }, 120_000);

  it('shows the same badges for the tenant in the admin tenant view', async () => {
    await page.goto('/login');
    await signIn(page, staff, /\/admin$/);
    await page.goto(`/admin/tenants/${tenant.id}`);
    await page.getByRole('heading', { name: 'Integration health' }).waitFor();
    await expectBadges();
    await screenshot(page, 'integration-health-admin');
  }, 120_000);
});

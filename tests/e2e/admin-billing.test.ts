import { randomUUID } from 'node:crypto';
import { createStripeBillingProvider } from '../../activities/adapters/stripe-billing';
import { BillingAccount } from '../../db/entities';
import { inScope } from '../../db/scope';
import { invoiceTenant, invoiceWorkflowId } from '../../workflows/invoice-tenant';
import { makeTenant, makeUser, subscribeTenant, type TestUser } from '../support/factories';
import { eventually, screenshot, signIn, type Page } from './support/browser';
import { isSameDocument, markDocument } from './support/in-page';
import { pagePerTest } from './support/page-per-test';
import { startStack, type Stack } from './support/stack';

/**
 * The admin Billing page in real Chromium against the real API, Temporal worker and Stripe simulator. Its periods
 * are of autumn 2020, which no other suite bills; its runs bill one tenant each, never every tenant of the shared
 * database, and it looks only at its own tenants' rows (the API suite's tenants are billable then too).
 */
describe('admin billing page (browser)', () => {
  let stack: Stack;
  let admin: TestUser;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    admin = await makeUser(stack.h.orm, 'platform_admin', null);
  }, 180_000);
  afterAll(async () => {
    await stack?.close();
  });
  pagePerTest(
    () => stack,
    (opened) => ({ page } = opened),
    { beforeClose: () => stack.control.clearFaults() },
  );

  /** A tenant on Pro since August 2020 with a customer in the stack's Stripe simulator and minutes in `periods`. */
  async function billedTenant(name: string, periods: string[]) {
    const tenant = await makeTenant(stack.h.orm, { name: `${name} ${randomUUID().slice(0, 6)}` });
    const stripe = createStripeBillingProvider({ simulatorUrl: stack.sim.url });
    const customer = await stripe.createCustomer({
      idempotencyKey: `customer-${tenant.id}`,
      email: `billing-${tenant.id}@example.test`,
      name: tenant.name,
      tenantId: tenant.id,
    });
    const subscription = await subscribeTenant(stack.h.orm, tenant.id, 'pro');
    await inScope(stack.h.orm, { system: 'test' }, async (em) => {
      await em.execute(`update subscriptions set created_at = '2020-08-01' where id = ?`, [subscription.id]);
      em.create(BillingAccount, {
        tenantId: tenant.id,
        stripeCustomerId: customer.id,
        email: `billing-${tenant.id}@example.test`,
        currency: 'EUR',
      });
      await em.flush();
      for (const period of periods) {
        await em.execute(
          `insert into usage_daily (tenant_id, bot_id, day, kind, quantity, events) values (?, ?, ?, 'minutes', 2500, 1)`,
          [tenant.id, randomUUID(), `${period}-10`],
        );
      }
    });
    return tenant;
  }

  const runRow = (tenantId: string) => page.locator(`tr[data-tenant-id="${tenantId}"]`);

  it('shows a run’s per-tenant status and its invoice, and follows a run started for a past period live', async () => {
    const bakery = await billedTenant('Orchard Bakery', ['2020-09', '2020-10']);
    // September is billed already, as the monthly schedule would have done it.
    const september = await stack.h.client.workflow.execute(invoiceTenant, {
      taskQueue: stack.h.target.taskQueue,
      workflowId: invoiceWorkflowId(bakery.id, '2020-09'),
      args: [{ tenantId: bakery.id, period: '2020-09', graceMs: 0 }],
    });
    expect(september.outcome).toBe('finalized');

    await page.goto(`/login?redirectTo=${encodeURIComponent('/admin')}`);
    await signIn(page, admin, /\/admin$/);
    await page.getByRole('link', { name: 'Billing', exact: true }).click();
    await page.waitForURL(/\/admin\/billing$/);
    await page.getByRole('heading', { name: 'Billing', level: 1 }).waitFor();
    await page.getByTestId('billed-chart').waitFor();

    // Other suites' periods may push September off the first page of the list: straight to it.
    await page.goto('/admin/billing?period=2020-09');
    await page.getByRole('heading', { name: 'September 2020: runs per tenant' }).waitFor();
    await expect(runRow(bakery.id).getAttribute('data-run-status')).resolves.toBe('finalized');
    await runRow(bakery.id).getByText('Finalized').waitFor();
    const temporal = runRow(bakery.id).getByRole('link', { name: /Temporal/ });
    await expect(temporal.getAttribute('href')).resolves.toContain(
      encodeURIComponent(invoiceWorkflowId(bakery.id, '2020-09')),
    );
    await expect(
      runRow(bakery.id)
        .getByRole('link', { name: /Invoice/ })
        .getAttribute('href'),
    ).resolves.toMatch(/^http/);
    await screenshot(page, 'admin-billing-runs');

    await page.getByRole('link', { name: 'Invoices', exact: true }).click();
    await page.waitForURL(/\/admin\/billing\/invoices$/);
    await page.getByLabel('Tenant', { exact: true }).selectOption(bakery.id);
    await page.waitForURL(new RegExp(`tenantId=${bakery.id}$`));
    // Another suite's run over every tenant may have billed it for a later month meanwhile: September's row.
    const invoiceRow = page.locator('tbody tr').filter({ hasText: bakery.name }).filter({ hasText: 'September 2020' });
    await invoiceRow.waitFor();
    await expect(invoiceRow.count()).resolves.toBe(1);
    await expect(invoiceRow.locator('td').nth(4).innerText()).resolves.toBe(
      new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(september.totalCents / 100),
    );
    await expect(invoiceRow.getByRole('link', { name: 'PDF' }).getAttribute('href')).resolves.toMatch(/^http/);
    await expect(page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).resolves.toBe(
      `/api/billing/admin/invoices.csv?tenantId=${bakery.id}`,
    );
    await screenshot(page, 'admin-billing-invoices');

    // October has not been billed. Stripe refuses to finalize for now, so the run started here stays in progress
    // until the page has shown it so.
    await stack.control.fault({ operation: 'stripe.finalizeInvoice', mode: 'fail', status: 503, times: 0 });
    await page.getByRole('link', { name: 'Invoice runs' }).click();
    await page.waitForURL(/\/admin\/billing$/);
    // The URL changes a moment before the runs page replaces the invoices page (whose Period is a select).
    await page.getByRole('button', { name: 'Run now' }).waitFor();
    await page.getByLabel('Period', { exact: true }).fill('2020-10');
    await page.getByLabel('Tenants', { exact: true }).selectOption(bakery.id);
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.waitForURL(/\?period=2020-10&started=/);
    await page.getByText('Run started for October 2020').waitFor();
    await page.getByText(invoiceWorkflowId(bakery.id, '2020-10')).first().waitFor();
    // From here the page stays one document: it polls while the run is under way.
    await page.evaluate(markDocument);
    await page.locator(`tr[data-tenant-id="${bakery.id}"][data-run-status="in_progress"]`).waitFor({ timeout: 30_000 });
    await page.getByTestId('runs-live').waitFor();
    await screenshot(page, 'admin-billing-run-in-progress');
    await stack.control.clearFaults();
    await eventually(
      () => runRow(bakery.id).getAttribute('data-run-status'),
      (status) => status === 'finalized',
      { timeoutMs: 60_000, what: 'October’s run to finalize on the page' },
    );
    await runRow(bakery.id).getByText('Finalized').waitFor();
    await expect(page.evaluate<boolean>(isSameDocument)).resolves.toBe(true);
    await page.getByRole('heading', { name: 'Started by hand' }).waitFor();
    await screenshot(page, 'admin-billing-run-finished');
  }, 180_000);

  it('lists past-due tenants and changes a tenant’s plan, which the plan changes list shows', async () => {
    const tenant = await makeTenant(stack.h.orm, { name: `Harbour Florist ${randomUUID().slice(0, 6)}` });
    await subscribeTenant(stack.h.orm, tenant.id, 'starter', {
      status: 'past_due',
      pastDueSince: new Date(Date.now() - 2 * 86_400_000),
    });

    await page.goto(`/login?redirectTo=${encodeURIComponent('/admin/billing/past-due')}`);
    await signIn(page, admin, /\/admin\/billing\/past-due$/);
    await page.locator(`tr[data-tenant-id="${tenant.id}"]`).getByText('Starter').waitFor();
    await screenshot(page, 'admin-billing-past-due');

    await page.getByRole('link', { name: 'Plan changes' }).click();
    await page.waitForURL(/\/admin\/billing\/plan-changes$/);
    await page.getByLabel('Tenant to move').selectOption(tenant.id);
    await page.getByLabel('New plan').selectOption('pro');
    await page.getByRole('button', { name: 'Change plan' }).click();
    await page.getByText('Moved from Starter to Pro.').waitFor();
    const change = page.locator('tbody tr').filter({ hasText: tenant.name }).first();
    await change.getByText('Pro', { exact: true }).waitFor();
    await expect(change.innerText()).resolves.toContain('Starter');
    await expect(change.innerText()).resolves.toContain('Test platform_admin');
    await screenshot(page, 'admin-billing-plan-changes');
  }, 120_000);
});

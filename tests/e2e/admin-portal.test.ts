import { createHash, randomUUID } from 'node:crypto';
import { WebhookEvent } from '../../db/entities/webhook-event';
import { inScope } from '../../db/scope';
import { createBotVia, createVerifiedTenantVia, finishedJob } from '../provisioning/provisioning-support';
import { bearerFor, makeTenant, makeUser, type TestUser } from '../support/factories';
import { eventually, screenshot, signIn, type Page } from './support/browser';
import { isSameDocument, markDocument } from './support/in-page';
import { pagePerTest } from './support/page-per-test';
import { startStack, type Stack } from './support/stack';

const stepStatus = (page: Page, step: string) => page.locator(`[data-step="${step}"]`).getAttribute('data-status');

/** The admin portal in real Chromium against the real API, Temporal worker and provider simulator. */
describe('admin portal (browser)', () => {
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

  it('signs in, creates a tenant and a bot, and watches provisioning advance to ready in place', async () => {
    await page.goto('/admin/tenants');
    await page.waitForURL(/\/login\?redirectTo=%2Fadmin%2Ftenants$/);
    await screenshot(page, 'login');
    await signIn(page, admin, /\/admin\/tenants$/);
    await page.getByRole('heading', { name: 'Tenants', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'New tenant' }).click();
    await page.waitForURL(/\/admin\/tenants\/new$/);
    // The API's field errors appear beside the field.
    await page.getByLabel('Name').fill('Alpine Dental');
    await page.getByLabel('Slug').fill('-x');
    await page.getByLabel('Contact email').fill('office@alpine-dental.example');
    await page.getByLabel('Slug').evaluate((input) => input.removeAttribute('pattern'));
    await page.getByRole('button', { name: 'Create tenant' }).click();
    await page.getByText('lowercase letters, digits and dashes, 2-63 characters').waitFor();
    await expect(page.getByLabel('Slug').getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'admin-tenant-new-errors');
    const slug = `alpine-${Date.now().toString(36)}`;
    await page.getByLabel('Slug').fill(slug);
    await page.getByRole('button', { name: 'Create tenant' }).click();
    await page.waitForURL(/\/admin\/tenants\/[0-9a-f-]{36}\?created=1$/);
    await page.getByText('Tenant created').waitFor();
    const tenantId = page.url().match(/tenants\/([0-9a-f-]{36})/)![1]!;
    // Bots wait for a verified tenant: the admin verifies the contact email by hand.
    await expect(page.getByRole('link', { name: 'New bot' }).count()).resolves.toBe(0);
    await screenshot(page, 'admin-tenant-detail');
    // Right after creation the run may still be sending its mail (the API answers 409 until it waits): try again.
    const verified = page.getByText('Email marked as verified');
    for (let attempt = 1; (await verified.count()) === 0; attempt += 1) {
      if (attempt > 20) throw new Error('the tenant never became verifiable');
      await page.getByRole('button', { name: 'Mark email as verified' }).click();
      await verified.or(page.getByRole('alert')).first().waitFor();
      if ((await verified.count()) === 0) await page.waitForTimeout(300);
    }
    await page.getByRole('link', { name: 'New bot' }).waitFor();
    await screenshot(page, 'admin-tenant-verified');

    await page.getByRole('link', { name: 'New bot' }).click();
    await page.waitForURL(new RegExp(`/admin/bots/new\\?tenantId=${tenantId}$`));
    await expect(page.getByLabel('Tenant').inputValue()).resolves.toBe(tenantId);
    await page.getByLabel('Bot name').fill('Front desk');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Language').selectOption('en-GB');
    await page.getByLabel('Greeting').fill('Good morning, Alpine Dental. How can I help?');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('“Good morning, Alpine Dental. How can I help?”').waitFor();
    await screenshot(page, 'admin-bot-wizard-review');
    // The app stays unhealthy until the page has shown the run in progress: no race with a fast run.
    await stack.control.fault({ operation: 'app.health', mode: 'fail', status: 503, times: 0 });
    await page.getByRole('button', { name: 'Create bot and provision' }).click();
    await page.waitForURL(/\/admin\/bots\/[0-9a-f-]{36}$/);

    // The page stays the same document while the stream moves the steps along.
    await page.evaluate(markDocument);
    await page.locator('[data-step="health_check"][data-status="retrying"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="job-status"][data-status="running"]').waitFor();
    await expect(stepStatus(page, 'configure_webhooks')).resolves.toBe('done');
    await expect(stepStatus(page, 'mark_ready')).resolves.toBe('pending');
    await expect(page.locator('[data-step="health_check"] [data-testid="step-error"]').innerText()).resolves.toContain(
      '503',
    );
    await screenshot(page, 'admin-bot-live-running');
    await stack.control.clearFaults();
    await page.locator('[data-step="mark_ready"][data-status="done"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="bot-status"][data-status="ready"]').waitFor({ timeout: 30_000 });
    for (const step of [
      'create_app',
      'set_config',
      'scale_formation',
      'buy_number',
      'configure_webhooks',
      'health_check',
    ]) {
      await expect(stepStatus(page, step)).resolves.toBe('done');
    }
    await expect(page.locator('[data-testid="bot-number"]').innerText()).resolves.toMatch(/^\+\d+/);
    await expect(page.evaluate<boolean>(isSameDocument)).resolves.toBe(true);
    const temporalLink = page.getByRole('link', { name: /Open run in Temporal/ });
    await expect(temporalLink.getAttribute('href')).resolves.toContain('provision-bot-');
    await screenshot(page, 'admin-bot-live-ready');

    await page.getByRole('link', { name: 'Provisioning jobs' }).click();
    await page.waitForURL(/\/admin\/jobs$/);
    // Filters apply on change and live in the URL (other suites add jobs to the same database meanwhile).
    await page.getByLabel('Tenant').selectOption(tenantId);
    await page.waitForURL(new RegExp(`/admin/jobs\\?tenantId=${tenantId}$`));
    await page.getByRole('link', { name: 'Front desk' }).waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await screenshot(page, 'admin-jobs');
    await page.getByRole('link', { name: 'Bots', exact: true }).click();
    await page.waitForURL(/\/admin\/bots$/);
    await page.getByLabel('Status').selectOption('ready');
    await page.getByLabel('Tenant').selectOption(tenantId);
    await page.waitForURL(new RegExp(`status=ready&tenantId=${tenantId}$`));
    await page.locator('tbody tr').filter({ hasText: 'Front desk' }).getByText('Ready').waitFor();
    await screenshot(page, 'admin-bots');
  }, 180_000);

  it('shows the failed step and its error when a provider keeps failing, and Retry provisions the bot', async () => {
    const tenant = await createVerifiedTenantVia(stack.h, await bearerFor(stack.h.app, admin), {
      name: 'Harbour Logistics',
      contactEmail: 'ops@harbour.example',
    });
    await stack.control.fault({ operation: 'heroku.scaleFormation', mode: 'fail', status: 422, times: 0 });
    const { bot } = await createBotVia(stack.h, await bearerFor(stack.h.app, admin), tenant.id, 'Dispatch line');

    await page.goto(`/login?redirectTo=${encodeURIComponent(`/admin/bots/${bot.id}`)}`);
    await signIn(page, admin, new RegExp(`/admin/bots/${bot.id}$`));
    await page.locator('[data-step="scale_formation"][data-status="failed"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="job-status"][data-status="error"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="bot-status"][data-status="failed"]').waitFor({ timeout: 30_000 });
    await expect(stepStatus(page, 'create_app')).resolves.toBe('compensated');
    await expect(page.locator('[data-step="scale_formation"] [data-testid="step-error"]').innerText()).resolves.toMatch(
      /422/,
    );
    await expect(page.locator('[data-testid="job-error"]').innerText()).resolves.toContain('scale_formation');
    await screenshot(page, 'admin-bot-live-failed');

    await stack.control.clearFaults();
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('A new provisioning run has started.').waitFor();
    await page.locator('[data-step="mark_ready"][data-status="done"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="bot-status"][data-status="ready"]').waitFor({ timeout: 30_000 });
    await expect(stepStatus(page, 'scale_formation')).resolves.toBe('done');
    await screenshot(page, 'admin-bot-live-retried');
  }, 180_000);
  it('rotates the number of a ready bot, then deletes it, following each run live', async () => {
    const headers = await bearerFor(stack.h.app, admin);
    const tenant = await createVerifiedTenantVia(stack.h, headers, {
      name: 'Lakeside Clinic',
      contactEmail: 'it@lakeside.example',
    });
    const { bot } = await createBotVia(stack.h, headers, tenant.id, 'Appointments');
    await finishedJob(stack.h, headers, bot.id);

    await page.goto(`/login?redirectTo=${encodeURIComponent(`/admin/bots/${bot.id}`)}`);
    await signIn(page, admin, new RegExp(`/admin/bots/${bot.id}$`));
    const before = await page.locator('[data-testid="bot-number"]').innerText();
    await page.getByRole('button', { name: 'Rotate number' }).click();
    await page.locator('[data-step="release_old_number"][data-status="done"]').waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'Number rotation' }).waitFor();
    const after = await eventually(
      () => page.locator('[data-testid="bot-number"]').innerText(),
      (number) => number !== before,
    );
    expect(after).toMatch(/^\+\d+/);
    await screenshot(page, 'admin-bot-rotated');

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('Release the number and delete the app?').waitFor();
    await page.getByRole('button', { name: 'Delete bot' }).click();
    await page.locator('[data-step="mark_deprovisioned"][data-status="done"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="bot-status"][data-status="deprovisioned"]').waitFor({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Rotate number' }).count()).resolves.toBe(0);
  }, 180_000);

  it('cancels a run that waits for a healthy app and shows what was undone', async () => {
    const headers = await bearerFor(stack.h.app, admin);
    const tenant = await createVerifiedTenantVia(stack.h, headers, {
      name: 'Riverside Pharmacy',
      contactEmail: 'it@riverside.example',
    });
    await stack.control.fault({ operation: 'app.health', mode: 'fail', status: 503, times: 0 });
    const { bot } = await createBotVia(stack.h, headers, tenant.id, 'Prescriptions');

    await page.goto(`/login?redirectTo=${encodeURIComponent(`/admin/bots/${bot.id}`)}`);
    await signIn(page, admin, new RegExp(`/admin/bots/${bot.id}$`));
    await page.locator('[data-step="health_check"][data-status="retrying"]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.locator('[data-testid="job-status"][data-status="canceled"]').waitFor({ timeout: 60_000 });
    await expect(stepStatus(page, 'buy_number')).resolves.toBe('compensated');
    await expect(stepStatus(page, 'create_app')).resolves.toBe('compensated');
    await page.getByRole('button', { name: 'Retry' }).waitFor();
    await screenshot(page, 'admin-bot-canceled');
  }, 180_000);

  it('lists inbound webhooks with their status and replays a failed one until it is delivered', async () => {
    const tenant = await makeTenant(stack.h.orm, { name: `Webhook Bakery ${Date.now().toString(36)}` });
    // Inbox rows as the Twilio route writes them (decision 008): one delivered, one the relay gave up on.
    const row = (callSid: string, status: 'delivered' | 'failed') => {
      const at = new Date().toISOString();
      return {
        id: randomUUID(),
        provider: 'twilio',
        dedupeKey: `twilio:${callSid}:status:completed`,
        subjectKey: `twilio:${callSid}`,
        relayGroup: stack.h.target.taskQueue,
        tenantId: tenant.id,
        payloadSha256: createHash('sha256').update(callSid).digest('hex'),
        // A refused call's status callback: the relay signals the call's workflow only if one exists.
        payload: { kind: 'signalIfMetered', callSid, event: { status: 'completed', durationSeconds: 7, at } },
        status,
        attempts: status === 'failed' ? 10 : 1,
        lastError: status === 'failed' ? 'Temporal did not answer: deadline exceeded while signalling' : null,
        nextAttemptAt: new Date(),
        receivedAt: new Date(Date.now() - 420),
        deliveredAt: status === 'delivered' ? new Date() : null,
      };
    };
    const sid = () => `CA${randomUUID().replace(/-/g, '')}`;
    const delivered = row(sid(), 'delivered');
    const failed = row(sid(), 'failed');
    await inScope(stack.h.orm, { system: 'test' }, async (em) => {
      em.create(WebhookEvent, delivered);
      em.create(WebhookEvent, failed);
      await em.flush();
    });

    await page.goto(`/login?redirectTo=${encodeURIComponent('/admin')}`);
    await signIn(page, admin, /\/admin$/);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(/\/admin\/webhooks$/);
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByLabel('Tenant').selectOption(tenant.id);
    await page.waitForURL(new RegExp(`/admin/webhooks\\?tenantId=${tenant.id}$`));
    const rowOf = (id: string) => page.locator(`tbody tr[data-event-id="${id}"]`);
    await rowOf(failed.id).getByText('Failed').waitFor();
    await rowOf(delivered.id).getByText('Delivered').waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(2);
    await expect(rowOf(failed.id).getByTitle(failed.lastError!).count()).resolves.toBe(1);
    await expect(
      rowOf(delivered.id)
        .getByRole('button', { name: /Replay/ })
        .count(),
    ).resolves.toBe(0);
    await expect(page.locator('tbody').innerText()).resolves.toContain(tenant.name);
    await screenshot(page, 'admin-webhooks');

    await rowOf(failed.id)
      .getByRole('button', { name: /Replay/ })
      .click();
    await eventually(
      async () => {
        await page.reload();
        return rowOf(failed.id).getAttribute('data-status');
      },
      (status) => status === 'delivered',
    );
    await rowOf(failed.id).getByText('Delivered').waitFor();
    await expect(
      rowOf(failed.id)
        .getByRole('button', { name: /Replay/ })
        .count(),
    ).resolves.toBe(0);
  }, 120_000);
});

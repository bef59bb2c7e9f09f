import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { BillingAccount, EmailOutbox, Subscription, Tenant, User } from '../db/entities';
import { inScope } from '../db/scope';
import { onboardingWorkflowId } from '../domain/tenants/onboarding-steps';
import { WORKFLOWS_PATH } from '../temporal/worker';
import { createHarness, type Harness } from './support/harness';
import { bearerFor, makeUser } from './support/factories';

/** Re-record with RECORD_HISTORIES=1 only for an intended, versioned change of the workflow. */
const FIXTURE = path.join(__dirname, 'fixtures', 'tenant-onboarding.history.bin');

const tokenFrom = (text: string): string => /verify\?token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('tenant onboarding workflow', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ worker: true, verificationTimeoutMs: 60_000 });
  });
  afterAll(() => h.close());

  const register = (email = `owner-${randomUUID().slice(0, 8)}@example.test`) =>
    h.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { companyName: 'Alpenblick Hotels', name: 'Olga Owner', email, password: 'a-long-password' },
    });

  const tenantRow = (id: string) => inScope(h.orm, { system: 'test' }, (em) => em.findOne(Tenant, { id }));

  it('activates a registered tenant once its email is verified in time, and a second verify is harmless', async () => {
    const registered = await register();
    expect(registered.statusCode).toBe(202);
    const { tenant, user } = registered.json();
    expect(tenant.status).toBe('pending_verification');

    // Unverified tenants can already sign in.
    const auth = await bearerFor(h.app, { email: user.email, password: 'a-long-password' });
    const waiting = await eventually(
      () => h.app.inject({ url: `/api/tenants/${tenant.id}/onboarding`, headers: auth }).then((r) => r.json()),
      (progress) => progress.step === 'awaiting_verification',
    );
    expect(waiting).toMatchObject({ step: 'awaiting_verification', verified: false, source: 'workflow' });
    expect(waiting.history.map((entry: { step: string }) => entry.step)).toEqual([
      'creating_billing_account',
      'starting_plan',
      'sending_verification_email',
      'awaiting_verification',
    ]);
    expect(waiting.workflowUrl).toContain(onboardingWorkflowId(tenant.id));

    const mail = h.mails.find((m) => m.to === user.email)!;
    expect(mail.subject).toContain('Alpenblick Hotels');
    const token = tokenFrom(mail.text);

    // A double click sends the signal twice while the workflow runs: still exactly one activation.
    const clicks = await Promise.all([1, 2].map(() => h.app.inject({ url: `/api/auth/verify?token=${token}` })));
    expect(clicks.map((r) => r.statusCode)).toEqual([200, 200]);
    const result = await h.client.workflow.getHandle(onboardingWorkflowId(tenant.id)).result();
    expect(result).toBe('active');

    const second = await h.app.inject({ url: `/api/auth/verify?token=${token}` });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ tenantId: tenant.id, status: 'active' });

    const row = await tenantRow(tenant.id);
    expect(row).toMatchObject({ status: 'active', onboardingStep: 'active' });
    expect(row!.verifiedAt).toBeInstanceOf(Date);

    const [accounts, subscriptions, outbox] = await inScope(h.orm, { tenantId: tenant.id }, async (em) => [
      await em.count(BillingAccount, { tenantId: tenant.id }),
      await em.count(Subscription, { tenantId: tenant.id, status: 'active' }),
      await em.count(EmailOutbox, { tenantId: tenant.id }),
    ]);
    expect({ accounts, subscriptions, outbox }).toEqual({ accounts: 1, subscriptions: 1, outbox: 1 });
  });

  it('starts onboarding when a platform admin creates a tenant, with the workflow findable by TenantId', async () => {
    const admin = await makeUser(h.orm, 'platform_admin', null);
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/tenants',
      headers: await bearerFor(h.app, admin),
      payload: { name: 'Wiener Zahnklinik', contactEmail: 'praxis@example.test' },
    });
    expect(created.statusCode).toBe(201);
    const tenant = created.json();
    expect(tenant.slug).toMatch(/^wiener-zahnklinik/);
    expect(tenant.onboarding.workflowId).toBe(onboardingWorkflowId(tenant.id));

    const description = await h.client.workflow.getHandle(tenant.onboarding.workflowId).describe();
    expect(description.typedSearchAttributes.get({ name: 'TenantId', type: 'KEYWORD' } as never)).toBe(tenant.id);
  });

  it('refuses an unknown verification token with 404 problem+json', async () => {
    const response = await h.app.inject({ url: `/api/auth/verify?token=${'x'.repeat(43)}` });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('replays the recorded history of a finished onboarding deterministically', async () => {
    const registered = (await register()).json();
    const mail = await eventually(
      async () => h.mails.find((m) => m.to === registered.user.email),
      (found) => found !== undefined,
    );
    await h.app.inject({ url: `/api/auth/verify?token=${tokenFrom(mail!.text)}` });
    const handle = h.client.workflow.getHandle(onboardingWorkflowId(registered.tenant.id));
    await handle.result();
    const history = await handle.fetchHistory();
    if (process.env.RECORD_HISTORIES) writeFileSync(FIXTURE, temporal.api.history.v1.History.encode(history).finish());
    await expect(
      Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH }, history, onboardingWorkflowId(registered.tenant.id)),
    ).resolves.toBeUndefined();
  });
});

describe('tenant onboarding replay of the committed history', () => {
  it('replays a history recorded with an earlier build of the workflow', async () => {
    const history = temporal.api.history.v1.History.decode(readFileSync(FIXTURE));
    await expect(Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH }, history)).resolves.toBeUndefined();
  });
});

describe('tenant onboarding timeout', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ worker: true, verificationTimeoutMs: 1_500 });
  });
  afterAll(() => h.close());

  it('removes a tenant that does not verify in time, with its users, and its link stops working', async () => {
    const email = `late-${randomUUID().slice(0, 8)}@example.test`;
    const registered = await h.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { companyName: 'Slowpoke GmbH', name: 'Sam Slow', email, password: 'a-long-password' },
    });
    const { tenant } = registered.json();
    const outcome = await h.client.workflow.getHandle(onboardingWorkflowId(tenant.id)).result();
    expect(outcome).toBe('expired');

    const [tenantRow, users] = await inScope(h.orm, { system: 'test' }, async (em) => [
      await em.findOne(Tenant, { id: tenant.id }),
      await em.count(User, { email }),
    ]);
    expect(tenantRow).toBeNull();
    expect(users).toBe(0);

    const token = tokenFrom(h.mails.find((m) => m.to === email)!.text);
    const late = await h.app.inject({ url: `/api/auth/verify?token=${token}` });
    expect(late.statusCode).toBe(404);
  });
});

import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { AuditLog, BillingAccount, EmailOutbox, Subscription, Tenant, User } from '../db/entities';
import { inScope } from '../db/scope';
import { onboardingWorkflowId } from '../domain/tenants/onboarding-steps';
import { platformWorkflows } from './support/workflow-bundle';
import { createHarness, type Harness } from './support/harness';
import { bearerFor, makeTenant, makeUser } from './support/factories';
import { eventually } from './support/eventually';

/** Re-record with RECORD_HISTORIES=1 only for an intended, versioned change of the workflow. */
const FIXTURE = path.join(__dirname, 'fixtures', 'tenant-onboarding.history.bin');

const tokenFrom = (text: string): string => /verify\?token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

/** Sign-up answers the same for every address, so tests find what it created in the database. */
async function registrationOf(h: Harness, email: string): Promise<{ tenant: Tenant; user: User }> {
  return inScope(h.orm, { system: 'test' }, async (em) => {
    const user = await em.findOneOrFail(User, { email });
    return { user, tenant: await em.findOneOrFail(Tenant, { id: user.tenantId! }) };
  });
}

const signUp = (h: Harness, email: string, companyName = 'Alpenblick Hotels') =>
  h.app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { companyName, name: 'Olga Owner', email, password: 'a-long-password' },
  });

const newEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.test`;

describe('tenant onboarding workflow', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ worker: true, verificationTimeoutMs: 60_000 });
  });
  afterAll(() => h.close());

  const register = (email = `owner-${randomUUID().slice(0, 8)}@example.test`) => signUp(h, email);

  const tenantRow = (id: string) => inScope(h.orm, { system: 'test' }, (em) => em.findOne(Tenant, { id }));

  it('activates a registered tenant once its email is verified in time, and a second verify is harmless', async () => {
    const email = `owner-${randomUUID().slice(0, 8)}@example.test`;
    const registered = await register(email);
    expect(registered.statusCode).toBe(202);
    const { tenant, user } = await registrationOf(h, email);
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
    // Temporal's Web UI is for platform staff: a customer gets no link to it.
    expect(waiting.workflowUrl).toBeNull();

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

  it('records a mail that only went to the log as logged, never as sent', async () => {
    const email = `logged-${randomUUID().slice(0, 8)}@example.test`;
    await register(email);
    const { tenant } = await registrationOf(h, email);
    const row = await eventually(
      () => inScope(h.orm, { system: 'test' }, (em) => em.findOne(EmailOutbox, { tenantId: tenant.id })),
      (found) => found !== null && found.status !== 'queued',
    );
    // The test mailer, like the development one, has no transport: it reports `logged`.
    expect(row).toMatchObject({ status: 'logged', sentAt: null });
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
    const email = `replay-${randomUUID().slice(0, 8)}@example.test`;
    await register(email);
    const registered = await registrationOf(h, email);
    const mail = await eventually(
      async () => h.mails.find((m) => m.to === email),
      (found) => found !== undefined,
    );
    await h.app.inject({ url: `/api/auth/verify?token=${tokenFrom(mail!.text)}` });
    const handle = h.client.workflow.getHandle(onboardingWorkflowId(registered.tenant.id));
    await handle.result();
    const history = await handle.fetchHistory();
    if (process.env.RECORD_HISTORIES) writeFileSync(FIXTURE, temporal.api.history.v1.History.encode(history).finish());
    await expect(
      Worker.runReplayHistory(platformWorkflows(), history, onboardingWorkflowId(registered.tenant.id)),
    ).resolves.toBeUndefined();
  });
});

describe('tenant onboarding replay of the committed history', () => {
  it('replays a history recorded with an earlier build of the workflow', async () => {
    const history = temporal.api.history.v1.History.decode(readFileSync(FIXTURE));
    await expect(Worker.runReplayHistory(platformWorkflows(), history)).resolves.toBeUndefined();
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
    expect(registered.statusCode).toBe(202);
    const { tenant } = await registrationOf(h, email);
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

describe('sign-up that does not reveal which addresses have an account', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ worker: true, verificationTimeoutMs: 60_000 });
  });
  afterAll(() => h.close());

  const outboxTo = (address: string) =>
    inScope(h.orm, { system: 'test' }, (em) => em.find(EmailOutbox, { toAddress: address }));

  it('answers a new and a known address alike, and tells the known owner by mail instead', async () => {
    const owner = await makeUser(h.orm, 'customer_admin', (await makeTenant(h.orm)).id);
    const fresh = await signUp(h, newEmail('fresh'));
    const known = await signUp(h, owner.email, 'Sneaky Takeover GmbH');

    expect(known.statusCode).toBe(202);
    expect(fresh.statusCode).toBe(202);
    expect(known.json()).toEqual(fresh.json());
    expect(Object.keys(known.json())).toEqual(['message']);
    expect(known.headers['content-type']).toBe(fresh.headers['content-type']);

    const users = await inScope(h.orm, { system: 'test' }, (em) => em.count(User, { email: owner.email }));
    expect(users).toBe(1);
    const notice = await eventually(
      async () => h.mails.find((m) => m.to === owner.email),
      (found) => found !== undefined,
    );
    expect(notice!.subject).toMatch(/tried to register with your email address/);
    expect(notice!.text).toContain('http://localhost:3000/login');
    // Nothing the stranger typed reaches the owner's inbox.
    expect(notice!.text).not.toContain('Sneaky');
    const [row] = await outboxTo(owner.email);
    expect(row!.idempotencyKey).toMatch(new RegExp(`^registration-attempt-${owner.id}-\\d{4}-\\d{2}-\\d{2}$`));
  });

  it('sends the owner of a known address at most one notice a day, however often someone tries', async () => {
    const owner = await makeUser(h.orm, 'customer_user', (await makeTenant(h.orm)).id);
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await signUp(h, owner.email)).statusCode).toBe(202);
    const rows = await eventually(
      () => outboxTo(owner.email),
      (found) => found.every((row) => row.status !== 'queued'),
    );
    expect(rows.map((row) => row.status)).toEqual(['logged']);
    expect(h.mails.filter((m) => m.to === owner.email)).toHaveLength(1);
  });

  it('puts the company name into the verification mail on one line, quoted and unable to become a link', async () => {
    const email = newEmail('inject');
    const companyName = 'Evil\r\nBcc: victim@example.test\u0007\u001b Corp\u202E https://phish.example/login';
    expect((await signUp(h, email, companyName)).statusCode).toBe(202);
    const [row] = await eventually(
      () => outboxTo(email),
      (found) => found.length === 1 && found[0]!.status !== 'queued',
    );
    const safeName = 'Evil Bcc: victim[at]example[.]test Corp https[:]//phish[.]example/login';
    expect(row!.subject).toBe(`Confirm "${safeName}" on VoicePlane`);
    expect(row!.bodyText).toContain(`activate "${safeName}":`);
    for (const text of [row!.subject, row!.bodyText]) {
      for (const unwanted of ['\r', '\u0007', '\u001b', '\u202E', 'phish.example'])
        expect(text).not.toContain(unwanted);
    }
    expect(row!.subject).not.toContain('\n');
    expect(h.mails.find((m) => m.to === email)!.subject).toBe(row!.subject);
  });
});

describe('verification by a platform admin', () => {
  let h: Harness;
  let admin: { authorization: string };
  beforeAll(async () => {
    h = await createHarness({ worker: true, verificationTimeoutMs: 60_000 });
    admin = await bearerFor(h.app, await makeUser(h.orm, 'platform_admin', null));
  });
  afterAll(() => h.close());

  /** A registered tenant whose first verification mail has gone out. */
  async function pendingTenant() {
    const email = newEmail('pending');
    await signUp(h, email);
    const { tenant } = await registrationOf(h, email);
    const mail = await eventually(
      async () => h.mails.find((m) => m.to === email),
      (found) => found !== undefined,
    );
    return { tenant, email, firstToken: tokenFrom(mail!.text) };
  }

  const auditOf = (tenantId: string, action: string) =>
    inScope(h.orm, { system: 'test' }, (em) => em.find(AuditLog, { targetId: tenantId, action }));

  it('refuses to add a bot to an organisation that has not confirmed its email address', async () => {
    const { tenant } = await pendingTenant();
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/bots',
      headers: admin,
      payload: { tenantId: tenant.id, name: 'Too Early', locale: 'de-AT', voice: 'elevenlabs:Rachel', greeting: 'Hi' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toMatch(/not confirmed its email address/);
  });

  it('resends a new link that activates the tenant, while the earlier link stops working, and audits it', async () => {
    const { tenant, email, firstToken } = await pendingTenant();
    const resent = await h.app.inject({
      method: 'POST',
      url: `/api/tenants/${tenant.id}/verification/resend`,
      headers: admin,
    });
    expect(resent.statusCode).toBe(202);
    expect(resent.json()).toMatchObject({ tenantId: tenant.id, sentTo: email });

    const mails = await eventually(
      async () => h.mails.filter((m) => m.to === email),
      (found) => found.length === 2,
    );
    const secondToken = tokenFrom(mails[1]!.text);
    expect(secondToken).not.toBe(firstToken);
    const outbox = await inScope(h.orm, { system: 'test' }, (em) => em.find(EmailOutbox, { tenantId: tenant.id }));
    expect(new Set(outbox.map((row) => row.idempotencyKey)).size).toBe(2);
    expect((await auditOf(tenant.id, 'tenant.verification_resent'))[0]).toMatchObject({ actorRole: 'platform_admin' });

    expect((await h.app.inject({ url: `/api/auth/verify?token=${firstToken}` })).statusCode).toBe(404);
    expect((await h.app.inject({ url: `/api/auth/verify?token=${secondToken}` })).statusCode).toBe(200);
    expect(await h.client.workflow.getHandle(onboardingWorkflowId(tenant.id)).result()).toBe('active');
  });

  it('verifies a tenant by hand, which activates it, audits it and answers 409 the second time', async () => {
    const { tenant } = await pendingTenant();
    const verify = () => h.app.inject({ method: 'POST', url: `/api/tenants/${tenant.id}/verify`, headers: admin });
    const first = await verify();
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ tenantId: tenant.id, activation: 'requested' });
    expect(await h.client.workflow.getHandle(onboardingWorkflowId(tenant.id)).result()).toBe('active');
    const row = await inScope(h.orm, { system: 'test' }, (em) => em.findOneOrFail(Tenant, { id: tenant.id }));
    expect(row.status).toBe('active');
    expect(row.verifiedAt).toBeInstanceOf(Date);
    expect(await auditOf(tenant.id, 'tenant.verified_manually')).toHaveLength(1);
    const [activation, ...more] = await auditOf(tenant.id, 'tenant.transition');
    expect(more).toHaveLength(0);
    expect(activation).toMatchObject({
      actorUserId: null,
      actorRole: null,
      tenantId: tenant.id,
      details: { from: 'pending_verification', to: 'active', cause: 'verified', system: 'onboarding-worker' },
    });

    const again = await verify();
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    const resend = await h.app.inject({
      method: 'POST',
      url: `/api/tenants/${tenant.id}/verification/resend`,
      headers: admin,
    });
    expect(resend.statusCode).toBe(409);
  });

  it('lets neither the tenant’s own admin nor support staff resend or verify', async () => {
    const { tenant, email } = await pendingTenant();
    const callers = [
      await bearerFor(h.app, { email, password: 'a-long-password' }),
      await bearerFor(h.app, await makeUser(h.orm, 'support', null)),
    ];
    for (const headers of callers) {
      for (const url of [`/api/tenants/${tenant.id}/verify`, `/api/tenants/${tenant.id}/verification/resend`]) {
        const response = await h.app.inject({ method: 'POST', url, headers });
        expect({ url, status: response.statusCode }).toEqual({ url, status: 403 });
      }
    }
    expect(await auditOf(tenant.id, 'tenant.verified_manually')).toHaveLength(0);
  });
});

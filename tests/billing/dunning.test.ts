import { randomBytes, randomInt } from 'node:crypto';
import { createStripeBillingProvider } from '../../activities/adapters/stripe-billing';
import type { OutgoingMail } from '../../activities/adapters/mailer';
import { AuditLog, BillingAccount, Bot, EmailOutbox, Invoice, Subscription, WebhookEvent } from '../../db/entities';
import { inScope, type ScopedEm } from '../../db/scope';
import type { DunningSchedule } from '../../domain/billing/dunning-plan';
import { dunningWorkflowId, type DunningWorkflows } from '../../domain/billing/dunning-port';
import { stripeSimControl } from '../../sim/stripe/stripe-control';
import { createDunningClient } from '../../temporal/dunning-client';
import { postSignedTwilio } from '../metering/metering-support';
import { eventually } from '../support/eventually';
import { bearerFor, makeTenant, makeUser, subscribeTenant } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';
import { startTestSimulator } from '../support/test-simulator';

/**
 * Days become seconds. Reminders are 3 s apart: a reminder whose successor is already due is skipped, and the
 * relay plus a busy machine may take a second or two before the first step (Stripe's event time is in seconds).
 */
const SCHEDULE: DunningSchedule = { reminderOffsetsMs: [0, 3_000, 6_000], graceMs: 8_000, statusCheckMs: 500 };
const PAUSED = 'This service is paused until an open payment is settled.';

/**
 * Dunning end to end: a payment the Stripe simulator declines reaches the platform as a signed webhook, the relay
 * marks the subscription past due and starts the tenant's dunning on the real Temporal server, and the mails go
 * through the outbox to the harness's mailer. Invoices are for 2021-08 on subscriptions backdated to July 2021: after
 * the period of the invoicing suite's run over every tenant (2021-06), which would give these tenants customers in
 * its own simulator and so unroute their Stripe events.
 */
describe('dunning', () => {
  let h: Harness;
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let dunning: DunningWorkflows;
  let admin: { authorization: string };
  const stripeSim = () => stripeSimControl(sim.url);

  beforeAll(async () => {
    sim = await startTestSimulator();
    h = await createHarness({ worker: true, simulatorUrl: sim.url, dunning: SCHEDULE });
    const apiUrl = await h.app.listen({ port: 0, host: '127.0.0.1' });
    await stripeSim().webhookEndpoint(`${apiUrl}/api/billing/stripe/webhook`);
    dunning = createDunningClient(h.client, h.target, SCHEDULE);
    admin = await bearerFor(h.app, await makeUser(h.orm, 'platform_admin', null));
  });
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  const read = <T>(work: (em: ScopedEm) => Promise<T>) => inScope(h.orm, { system: 'test' }, work);

  /**
   * A Pro tenant with two customer admins, a customer user, a ready bot and a Stripe customer whose card is
   * declined; its 2021-08 invoice is run, Stripe fails to collect it, and the subscription falls past due.
   */
  async function tenantWithFailedPayment() {
    const tenant = await makeTenant(h.orm);
    const admins = [
      await makeUser(h.orm, 'customer_admin', tenant.id),
      await makeUser(h.orm, 'customer_admin', tenant.id),
    ];
    const user = await makeUser(h.orm, 'customer_user', tenant.id);
    const stripe = createStripeBillingProvider({ simulatorUrl: sim.url });
    const customer = await stripe.createCustomer({
      idempotencyKey: `customer-${tenant.id}`,
      email: `billing-${tenant.id}@example.test`,
      name: tenant.name,
      tenantId: tenant.id,
    });
    const subscription = await subscribeTenant(h.orm, tenant.id, 'pro');
    const number = `+4315${randomInt(10_000_000, 99_999_999)}`;
    await read(async (em) => {
      await em.execute(`update subscriptions set created_at = '2021-07-01' where id = ?`, [subscription.id]);
      em.create(BillingAccount, {
        tenantId: tenant.id,
        stripeCustomerId: customer.id,
        email: `billing-${tenant.id}@example.test`,
        currency: 'EUR',
      });
      em.create(Bot, {
        tenantId: tenant.id,
        name: 'Front desk',
        status: 'ready',
        locale: 'de-AT',
        voice: 'elevenlabs:Rachel',
        greeting: 'Grüß Gott!',
        twilioNumber: number,
        appUrl: 'https://vp-front-desk.herokuapp.com/',
      });
      await em.flush();
    });
    await stripeSim().paymentOutcome(customer.id, 'fail');
    const run = await h.app.inject({
      method: 'POST',
      url: '/api/billing/invoice/run',
      headers: admin,
      payload: { period: '2021-08', tenantId: tenant.id },
    });
    expect(run.statusCode).toBe(202);
    expect(await h.client.workflow.getHandle(run.json<{ workflowId: string }>().workflowId).result()).toMatchObject({
      outcome: 'finalized',
    });
    const invoice = await read((em) => em.findOneOrFail(Invoice, { tenantId: tenant.id, periodStart: '2021-08-01' }));
    await eventually(
      () => subscriptionOf(tenant.id),
      (s) => s.status === 'past_due',
      { what: 'past due' },
    );
    return { tenantId: tenant.id, admins, user, customerId: customer.id, invoice, number };
  }

  const subscriptionOf = (tenantId: string) =>
    read((em) => em.findOneOrFail(Subscription, { tenantId }, { orderBy: { createdAt: 'desc' } }));
  const audits = (tenantId: string, action: string) => read((em) => em.count(AuditLog, { tenantId, action }));
  const mailsTo = (address: string): OutgoingMail[] => h.mails.filter((mail) => mail.to === address);
  const subjectsTo = (address: string) => mailsTo(address).map((mail) => mail.subject);
  const progressOf = (tenantId: string) => dunning.progress(tenantId);
  const handleOf = (tenantId: string) => h.client.workflow.getHandle(dunningWorkflowId(tenantId));

  /** What a call to the tenant's number hears: the refusal or a connection to the bot. */
  async function call(number: string): Promise<string> {
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    const response = await postSignedTwilio(h, '/telephony/incoming', {
      CallSid: callSid,
      To: number,
      From: '+436641234567',
      CallStatus: 'ringing',
    });
    expect(response.statusCode).toBe(200);
    if (response.body.includes('<Connect>')) return 'connect';
    return response.body.includes(PAUSED) ? 'payment_overdue' : response.body;
  }

  /** Stripe collects the invoice now (the card works again), which sends `invoice.paid`. */
  async function pay(customerId: string, stripeInvoiceId: string) {
    await stripeSim().paymentOutcome(customerId, 'succeed');
    expect((await stripeSim().attemptPayment(stripeInvoiceId)).result).toBe('paid');
  }

  /** The inbox row of the tenant's Stripe event of `type` (the first one), replayed as a platform admin would. */
  async function replay(tenantId: string, type: string) {
    const row = await read(async (em) => {
      const rows = await em.find(WebhookEvent, { tenantId, provider: 'stripe' }, { orderBy: { receivedAt: 'asc' } });
      return rows.find((candidate) => (candidate.payload as { event: { type: string } }).event.type === type)!;
    });
    const response = await h.app.inject({ method: 'POST', url: `/api/webhooks/${row.id}/replay`, headers: admin });
    expect(response.statusCode).toBe(200);
    await eventually(
      () => read((em) => em.findOneOrFail(WebhookEvent, { id: row.id })),
      (event) => event.status === 'delivered',
      { what: `the replayed ${type} delivered` },
    );
  }

  it('reminds, suspends the calls after the grace period, and resumes everything once the payment arrives', async () => {
    const t = await tenantWithFailedPayment();
    expect(await call(t.number)).toBe('connect');

    const suspended = await eventually(
      () => progressOf(t.tenantId),
      (p) => p?.step === 'suspended',
      {
        what: 'the dunning to suspend',
      },
    );
    expect(suspended).toMatchObject({ remindersSent: 3, remindersPlanned: 3, failedPayments: 1 });
    await eventually(
      () => mailsTo(t.admins[0]!.email).length,
      (count) => count === 4,
      { what: 'four mails' },
    );
    for (const { email } of t.admins) {
      expect(subjectsTo(email)).toEqual([
        expect.stringMatching(/^Payment failed for ".+" on VoicePlane$/),
        expect.stringMatching(/^Reminder 2 of 3: a payment for ".+" is overdue$/),
        expect.stringMatching(/^Reminder 3 of 3: a payment for ".+" is overdue$/),
        expect.stringMatching(/^Calls paused for ".+"/),
      ]);
      for (const mail of mailsTo(email)) expect(mail.text).toContain(t.invoice.hostedInvoiceUrl!);
    }
    expect(mailsTo(t.user.email)).toEqual([]);
    const subscription = await subscriptionOf(t.tenantId);
    expect(subscription.suspendedAt!.getTime()).toBeGreaterThanOrEqual(
      subscription.pastDueSince!.getTime() + SCHEDULE.graceMs,
    );
    expect(await audits(t.tenantId, 'subscription.suspended')).toBe(1);
    expect(await audits(t.tenantId, 'subscription.dunning_reminder')).toBe(3);
    expect(await call(t.number)).toBe('payment_overdue');

    await pay(t.customerId, t.invoice.stripeInvoiceId!);
    expect(await handleOf(t.tenantId).result()).toBe('paid');
    const resumed = await subscriptionOf(t.tenantId);
    expect(resumed).toMatchObject({ status: 'active', pastDueSince: null, suspendedAt: null, suspensionDueAt: null });
    expect(await audits(t.tenantId, 'subscription.resumed')).toBe(1);
    for (const { email } of t.admins) {
      await eventually(
        () => subjectsTo(email),
        (subjects) => subjects.length === 5,
        { what: 'the restored mail' },
      );
      expect(subjectsTo(email)[4]).toMatch(/^Payment received: calls for ".+" are back on VoicePlane$/);
    }
    expect(await call(t.number)).toBe('connect');
  });

  it('ends the dunning without a suspension when the payment arrives within the grace period', async () => {
    const t = await tenantWithFailedPayment();
    await eventually(
      () => mailsTo(t.admins[0]!.email).length,
      (count) => count === 1,
      { what: 'the first reminder' },
    );

    await pay(t.customerId, t.invoice.stripeInvoiceId!);
    expect(await handleOf(t.tenantId).result()).toBe('paid');
    expect(await subscriptionOf(t.tenantId)).toMatchObject({
      status: 'active',
      suspendedAt: null,
      suspensionDueAt: null,
    });
    expect(await audits(t.tenantId, 'subscription.suspended')).toBe(0);
    expect(await audits(t.tenantId, 'subscription.resumed')).toBe(0);
    // Past the moment the calls would have stopped: nothing more was sent, and calls go through.
    await new Promise((resolve) => setTimeout(resolve, SCHEDULE.graceMs));
    expect(subjectsTo(t.admins[0]!.email)).toHaveLength(1);
    expect(await call(t.number)).toBe('connect');
  });

  it('keeps one dunning per tenant: a second failed payment and redelivered events reach the same run', async () => {
    const t = await tenantWithFailedPayment();
    await eventually(
      () => mailsTo(t.admins[0]!.email).length,
      (count) => count === 1,
      { what: 'the first reminder' },
    );
    const { runId } = await handleOf(t.tenantId).describe();

    expect((await stripeSim().attemptPayment(t.invoice.stripeInvoiceId!, 'fail')).result).toBe('declined');
    await eventually(
      () => progressOf(t.tenantId),
      (p) => p?.failedPayments === 2,
      { what: 'the second failure' },
    );
    await replay(t.tenantId, 'invoice.payment_failed');
    // By the suspension the run has handled every signal sent before it: the replayed one counted once.
    const suspended = await eventually(
      () => progressOf(t.tenantId),
      (p) => p?.step === 'suspended',
      { what: 'the suspension' },
    );
    expect(suspended).toMatchObject({ failedPayments: 2, remindersSent: 3 });
    expect((await handleOf(t.tenantId).describe()).runId).toBe(runId);
    await pay(t.customerId, t.invoice.stripeInvoiceId!);
    expect(await handleOf(t.tenantId).result()).toBe('paid');
    await eventually(
      () => mailsTo(t.admins[0]!.email).length,
      (count) => count === 5,
      { what: 'the restored mail' },
    );

    await replay(t.tenantId, 'invoice.paid');
    expect(await audits(t.tenantId, 'subscription.resumed')).toBe(1);
    expect(await audits(t.tenantId, 'subscription.suspended')).toBe(1);
    expect(await audits(t.tenantId, 'subscription.dunning_started')).toBe(1);
    const restoredNotices = await read((em) =>
      em.count(EmailOutbox, { tenantId: t.tenantId, idempotencyKey: { $like: 'dunning/%/restored/%' } }),
    );
    expect(restoredNotices).toBe(2);
    expect(subjectsTo(t.admins[0]!.email)).toHaveLength(5);
    expect(subjectsTo(t.admins[0]!.email).filter((subject) => subject.startsWith('Payment failed'))).toHaveLength(1);
  });

  it('lifts a suspension when the payment arrives and no dunning runs any more', async () => {
    const t = await tenantWithFailedPayment();
    await eventually(
      () => progressOf(t.tenantId),
      (p) => p?.step === 'suspended',
      { what: 'the suspension' },
    );
    await handleOf(t.tenantId).terminate('an operator ended it');
    expect(await call(t.number)).toBe('payment_overdue');

    await pay(t.customerId, t.invoice.stripeInvoiceId!);
    await eventually(
      () => subscriptionOf(t.tenantId),
      (s) => s.status === 'active' && s.suspendedAt === null,
      {
        what: 'the suspension lifted',
      },
    );
    expect(await audits(t.tenantId, 'subscription.resumed')).toBe(1);
    await eventually(
      () => subjectsTo(t.admins[1]!.email).at(-1),
      (subject) => /^Payment received/.test(subject ?? ''),
      {
        what: 'the restored mail',
      },
    );
    expect(await call(t.number)).toBe('connect');
  });

  it('ends the dunning when the subscription leaves past due without a payment', async () => {
    const t = await tenantWithFailedPayment();
    await eventually(
      () => mailsTo(t.admins[0]!.email).length,
      (count) => count === 1,
      { what: 'the first reminder' },
    );
    await read((em) =>
      em.nativeUpdate(
        Subscription,
        { tenantId: t.tenantId, status: 'past_due' },
        { status: 'canceled', pastDueSince: null },
      ),
    );

    expect(await handleOf(t.tenantId).result()).toBe('ended');
    expect(await audits(t.tenantId, 'subscription.suspended')).toBe(0);
    expect(subjectsTo(t.admins[0]!.email)).toHaveLength(1);
  });
});

import { randomInt, randomUUID } from 'node:crypto';
import { createLocalBillingProvider, type BillingProvider } from '../activities/adapters/billing-provider';
import type { Mailer, OutgoingMail } from '../activities/adapters/mailer';
import { createOnboardingActivities } from '../activities/onboarding';
import { BillingAccount, Bot, EmailOutbox, Tenant } from '../db/entities';
import { createOrm, type Orm } from '../db/orm';
import { inScope, type ScopedEm } from '../db/scope';
import { makeTenant } from './support/factories';
import { testDatabaseUrl } from './support/harness';

/**
 * The onboarding activities against the real database, with the billing provider and the mailer as recording
 * stand-ins: what a repeated attempt finds already done, and which tenants the removal keeps.
 */
describe('onboarding activities', () => {
  let orm: Orm;

  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
  });
  afterAll(() => orm.close());

  const read = <T>(work: (em: ScopedEm) => Promise<T>) => inScope(orm, { system: 'test' }, work);

  function setup(billingOverrides: Partial<BillingProvider> = {}) {
    const sent: OutgoingMail[] = [];
    const mailer: Mailer = {
      async send(mail) {
        sent.push(mail);
        return 'sent';
      },
    };
    const createCustomer = jest.fn(createLocalBillingProvider().createCustomer);
    const deleteCustomer = jest.fn(async (_customerId: string) => {});
    const billing = { ...createLocalBillingProvider(), createCustomer, deleteCustomer, ...billingOverrides };
    const activities = createOnboardingActivities({
      orm,
      billing,
      mailer,
      publicBaseUrl: 'http://localhost:3000',
      currency: 'EUR',
    });
    return { activities, billing: { createCustomer, deleteCustomer }, sent };
  }

  const addBillingAccount = (tenantId: string, customerId: string) =>
    read(async (em) => {
      em.create(BillingAccount, {
        tenantId,
        stripeCustomerId: customerId,
        email: 'billing@example.test',
        currency: 'EUR',
      });
      await em.flush();
    });

  const addBot = (tenantId: string, status: Bot['status']) =>
    read(async (em) => {
      em.create(Bot, {
        tenantId,
        name: 'Reception',
        status,
        locale: 'de-AT',
        voice: 'elevenlabs:Rachel',
        greeting: 'Grüß Gott!',
        herokuAppName: status === 'ready' ? `vp-${randomInt(1e9, 1e10)}` : null,
      });
      await em.flush();
    });

  const tenantExists = async (tenantId: string) => (await read((em) => em.count(Tenant, { id: tenantId }))) === 1;

  describe('queued mail delivery', () => {
    it('does not send a mail again that was already handled', async () => {
      const tenant = await makeTenant(orm);
      const outboxId = await read(async (em) => {
        const mail = em.create(EmailOutbox, {
          tenantId: tenant.id,
          idempotencyKey: `test/${randomUUID()}`,
          toAddress: 'owner@example.test',
          subject: 'Hello',
          bodyText: 'Once only',
          status: 'sent',
          sentAt: new Date(),
        });
        await em.flush();
        return mail.id;
      });
      const { activities, sent } = setup();

      await expect(activities.deliverQueuedEmail(outboxId)).resolves.toBe('already_handled');
      expect(sent).toEqual([]);
      expect(await read((em) => em.findOneOrFail(EmailOutbox, { id: outboxId }))).toMatchObject({ status: 'sent' });
    });

    it('reports a mail that is gone as absent without sending anything', async () => {
      const { activities, sent } = setup();
      await expect(activities.deliverQueuedEmail(randomUUID())).resolves.toBe('absent');
      expect(sent).toEqual([]);
    });
  });

  it('reuses the billing customer an earlier attempt recorded instead of creating another', async () => {
    const tenant = await makeTenant(orm, { status: 'pending_verification' });
    await addBillingAccount(tenant.id, 'cus_earlier');
    const { activities, billing } = setup();

    await expect(activities.createBillingAccount(tenant.id)).resolves.toBe('cus_earlier');
    expect(billing.createCustomer).not.toHaveBeenCalled();
    expect(await read((em) => em.count(BillingAccount, { tenantId: tenant.id }))).toBe(1);
  });

  it('refuses for good to remove a pending tenant whose bots may hold provider resources', async () => {
    const tenant = await makeTenant(orm, { status: 'pending_verification' });
    await addBot(tenant.id, 'ready');
    const { activities } = setup();

    await expect(activities.removePendingTenant(tenant.id)).rejects.toMatchObject({
      nonRetryable: true,
      type: 'TenantHasLiveBots',
      message: `Tenant ${tenant.id} still has bots that may hold provider resources; it was kept`,
    });
    expect(await tenantExists(tenant.id)).toBe(true);
  });

  describe('cleanup of a pending tenant (runs recorded before the bot-release step)', () => {
    it('keeps a tenant with live bots, its billing customer included', async () => {
      const tenant = await makeTenant(orm, { status: 'pending_verification' });
      await addBillingAccount(tenant.id, 'cus_kept');
      await addBot(tenant.id, 'failed');
      const { activities, billing } = setup();

      await expect(activities.cleanupPendingTenant(tenant.id)).resolves.toBe('kept');
      expect(billing.deleteCustomer).not.toHaveBeenCalled();
      expect(await tenantExists(tenant.id)).toBe(true);
    });

    it('deletes the billing customer and removes a tenant whose bots are all deprovisioned', async () => {
      const tenant = await makeTenant(orm, { status: 'pending_verification' });
      await addBillingAccount(tenant.id, 'cus_removed');
      await addBot(tenant.id, 'deprovisioned');
      const { activities, billing } = setup();

      await expect(activities.cleanupPendingTenant(tenant.id)).resolves.toBe('removed');
      expect(billing.deleteCustomer.mock.calls).toEqual([['cus_removed']]);
      expect(await tenantExists(tenant.id)).toBe(false);
    });

    it('removes a tenant that never got a billing customer without asking the provider', async () => {
      const tenant = await makeTenant(orm, { status: 'pending_verification' });
      const { activities, billing } = setup();

      await expect(activities.cleanupPendingTenant(tenant.id)).resolves.toBe('removed');
      expect(billing.deleteCustomer).not.toHaveBeenCalled();
      expect(await tenantExists(tenant.id)).toBe(false);
    });

    it('keeps a tenant that got a bot while its billing customer was being deleted', async () => {
      const tenant = await makeTenant(orm, { status: 'pending_verification' });
      await addBillingAccount(tenant.id, 'cus_raced');
      const { activities } = setup({ deleteCustomer: () => addBot(tenant.id, 'provisioning') });

      await expect(activities.cleanupPendingTenant(tenant.id)).resolves.toBe('kept');
      expect(await tenantExists(tenant.id)).toBe(true);
    });

    it('reports a tenant that is already gone as absent, and keeps one that was verified meanwhile', async () => {
      const { activities } = setup();
      await expect(activities.cleanupPendingTenant(randomUUID())).resolves.toBe('absent');

      const verified = await makeTenant(orm, { status: 'active' });
      await expect(activities.cleanupPendingTenant(verified.id)).resolves.toBe('kept');
      expect(await tenantExists(verified.id)).toBe(true);
    });
  });
});

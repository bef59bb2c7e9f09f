import { randomUUID } from 'node:crypto';
import { EmailOutbox, Invoice, User } from '../../db/entities';
import { createOrm, type Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { queueDunningMail, type DunningMailContext } from '../../domain/billing/queue-dunning-mail';
import { makeTenant, makeUser } from '../support/factories';
import { testDatabaseUrl } from '../support/harness';

/**
 * Who a dunning mail goes to, what it lists, and that a retry with the same key queues nothing twice; against the
 * real database, in the tenant's scope as the dunning use cases call it.
 */
describe('queueDunningMail', () => {
  let orm: Orm;

  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
  });
  afterAll(() => orm.close());

  /** Records the context each mail is composed from. */
  function composer() {
    const contexts: DunningMailContext[] = [];
    const compose = (context: DunningMailContext) => {
      contexts.push(context);
      return { subject: `Payment due for ${context.tenantName}`, text: `${context.invoices.length} unpaid` };
    };
    return { compose, contexts };
  }

  const queue = (tenantId: string, key: string, compose: ReturnType<typeof composer>['compose']) =>
    inScope(orm, { tenantId }, (em) =>
      queueDunningMail(em, { tenantId, key, publicBaseUrl: 'https://portal.test', compose }),
    );
  const outboxOf = (tenantId: string) =>
    inScope(orm, { system: 'test' }, (em) => em.find(EmailOutbox, { tenantId }, { orderBy: { toAddress: 'asc' } }));

  it('writes to the tenant’s contact address when it has no active customer admin', async () => {
    const tenant = await makeTenant(orm);
    const inactive = await makeUser(orm, 'customer_admin', tenant.id);
    await makeUser(orm, 'customer_user', tenant.id);
    await inScope(orm, { system: 'test' }, (em) => em.nativeUpdate(User, { id: inactive.id }, { isActive: false }));
    const { compose } = composer();

    const result = await queue(tenant.id, `dunning-${randomUUID()}/reminder-1`, compose);

    expect(result.queuedNow).toBe(true);
    const outbox = await outboxOf(tenant.id);
    expect(outbox.map((mail) => [mail.id, mail.toAddress, mail.status])).toEqual([
      [result.outboxIds[0], tenant.contactEmail, 'queued'],
    ]);
    expect(outbox[0]!.subject).toBe(`Payment due for ${tenant.name}`);
  });

  it('lists unpaid invoices by Stripe number or by period, with their payment page when there is one', async () => {
    const tenant = await makeTenant(orm);
    await makeUser(orm, 'customer_admin', tenant.id);
    await inScope(orm, { system: 'test' }, async (em) => {
      const invoice = (periodStart: string, fields: Partial<Invoice>) =>
        em.create(Invoice, {
          tenantId: tenant.id,
          periodStart,
          periodEnd: periodStart.replace(/-01$/, '-28'),
          currency: 'EUR',
          totalCents: 1250,
          status: 'open',
          ...fields,
        });
      invoice('2019-05-01', { stripeInvoiceNumber: 'VP-0005', hostedInvoiceUrl: 'https://pay.test/5' });
      invoice('2019-06-01', { status: 'uncollectible' });
      invoice('2019-07-01', { status: 'paid', stripeInvoiceNumber: 'VP-0007' });
      await em.flush();
    });
    const { compose, contexts } = composer();

    await queue(tenant.id, `dunning-${randomUUID()}/begin`, compose);

    expect(contexts).toEqual([
      {
        tenantName: tenant.name,
        invoicesUrl: 'https://portal.test/app/invoices',
        invoices: [
          { label: 'VP-0005', totalCents: 1250, currency: 'EUR', hostedInvoiceUrl: 'https://pay.test/5' },
          { label: 'VoicePlane 2019-06', totalCents: 1250, currency: 'EUR', hostedInvoiceUrl: null },
        ],
      },
    ]);
  });

  it('returns the mails queued before for the same key instead of queuing them again', async () => {
    const tenant = await makeTenant(orm);
    const admins = [await makeUser(orm, 'customer_admin', tenant.id), await makeUser(orm, 'customer_admin', tenant.id)];
    const key = `dunning-${randomUUID()}/reminder-2`;
    const { compose, contexts } = composer();

    const first = await queue(tenant.id, key, compose);
    const again = await queue(tenant.id, key, compose);

    expect(first.queuedNow).toBe(true);
    expect(first.outboxIds).toHaveLength(2);
    expect(again).toEqual({ outboxIds: expect.arrayContaining(first.outboxIds), queuedNow: false });
    expect(again.outboxIds).toHaveLength(2);
    expect(contexts).toHaveLength(1);
    expect((await outboxOf(tenant.id)).map((mail) => mail.toAddress)).toEqual(
      admins.map((admin) => admin.email).sort(),
    );
  });

  it('refuses a tenant that is gone', async () => {
    const { compose, contexts } = composer();
    await expect(queue(randomUUID(), 'dunning-gone/begin', compose)).rejects.toMatchObject({
      code: 'not_found',
      message: 'Tenant not found',
    });
    expect(contexts).toEqual([]);
  });
});

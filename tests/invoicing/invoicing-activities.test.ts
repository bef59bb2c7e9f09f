import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import {
  createLocalBillingProvider,
  type BillingInvoice,
  type BillingInvoiceLine,
  type BillingProvider,
} from '../../activities/adapters/billing-provider';
import { ProviderError } from '../../activities/adapters/provider-error';
import { createInvoicingActivities } from '../../activities/invoicing';
import { BillingAccount, Invoice, InvoiceLine } from '../../db/entities';
import { createOrm, type Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import {
  recordInvoiceFailed,
  recordInvoiceFinalized,
  recordStripeCustomer,
  recordStripeDraft,
} from '../../domain/billing/record-invoice-progress';
import { makeTenant } from '../support/factories';
import { testDatabaseUrl } from '../support/harness';

const actor = { system: 'invoicing-test' };

/** A Stripe invoice as the port returns it; only what the activities read matters. */
const stripeInvoice = (overrides: Partial<BillingInvoice>): BillingInvoice => ({
  id: 'in_test',
  customerId: 'cus_test',
  status: 'draft',
  number: null,
  currency: 'eur',
  subtotalCents: 0,
  totalCents: 0,
  amountDueCents: 0,
  amountPaidCents: 0,
  amountRemainingCents: 0,
  attemptCount: 0,
  collectionMethod: 'charge_automatically',
  autoAdvance: true,
  hostedInvoiceUrl: null,
  pdfUrl: null,
  subscriptionId: null,
  metadata: {},
  createdAt: new Date(),
  finalizedAt: null,
  paidAt: null,
  nextPaymentAttemptAt: null,
  ...overrides,
});

const stripeLine = (lineId: string): BillingInvoiceLine => ({
  id: `il_${lineId}`,
  description: null,
  amountCents: 0,
  currency: 'eur',
  quantity: 1,
  period: { start: new Date(), end: new Date() },
  metadata: { lineId },
});

/**
 * The invoicing activities and the invoice progress they record, against the real database with Stripe replaced
 * by a stand-in: repeated attempts find their earlier work, and what a retry cannot fix fails for good.
 * Invoices are of 2019, a period no invoice run of other suites touches.
 */
describe('invoicing activities', () => {
  let orm: Orm;

  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
  });
  afterAll(() => orm.close());

  const read = <T>(work: (em: ScopedEm) => Promise<T>) => inScope(orm, { system: 'test' }, work);
  const readInvoice = (id: string) => read((em) => em.findOneOrFail(Invoice, { id }));

  /** A tenant with a billing account and one 2019-03 invoice of two lines. */
  async function preparedInvoice(overrides: Partial<Pick<Invoice, 'status' | 'stripeInvoiceId'>> = {}) {
    const tenant = await makeTenant(orm);
    return read(async (em) => {
      em.create(BillingAccount, {
        tenantId: tenant.id,
        stripeCustomerId: `cus_${tenant.id.slice(0, 8)}`,
        email: 'billing@example.test',
        currency: 'EUR',
      });
      const invoice = em.create(Invoice, {
        tenantId: tenant.id,
        periodStart: '2019-03-01',
        periodEnd: '2019-03-31',
        status: 'draft',
        currency: 'EUR',
        totalCents: 3000,
        ...overrides,
      });
      await em.flush();
      const lines = [1, 2].map((position) =>
        em.create(InvoiceLine, {
          tenantId: tenant.id,
          invoiceId: invoice.id,
          kind: 'fee',
          description: `Line ${position}`,
          quantity: 1,
          unitPriceCents: 1500,
          amountCents: 1500,
          sourcePeriod: '2019-03',
          position,
        }),
      );
      await em.flush();
      return { tenantId: tenant.id, invoiceId: invoice.id, lineIds: lines.map((line) => line.id) };
    });
  }

  function stripe(overrides: Partial<BillingProvider>): BillingProvider {
    return { ...createLocalBillingProvider(), ...overrides };
  }
  const activities = (billing: BillingProvider) => createInvoicingActivities({ orm, billing });

  describe('createStripeDraft', () => {
    it('returns the draft an earlier attempt recorded without creating another', async () => {
      const { invoiceId } = await preparedInvoice({ stripeInvoiceId: 'in_earlier' });
      const createInvoice = jest.fn(async () => stripeInvoice({ id: 'in_second' }));

      await expect(
        activities(stripe({ createInvoice })).createStripeDraft({ invoiceId, idempotencyKey: 'k' }),
      ).resolves.toBe('in_earlier');
      expect(createInvoice).not.toHaveBeenCalled();
    });

    it('does not make a new customer when Stripe refuses the draft for another reason', async () => {
      const { invoiceId } = await preparedInvoice();
      const createCustomer = jest.fn(createLocalBillingProvider().createCustomer);
      const refusal = new ProviderError({
        provider: 'stripe',
        message: 'Invalid currency',
        status: 400,
        code: 'invalid',
      });

      const failure = await activities(stripe({ createInvoice: () => Promise.reject(refusal), createCustomer }))
        .createStripeDraft({ invoiceId, idempotencyKey: 'k' })
        .catch((error: unknown) => error);

      // A 400 fails the same way on every retry.
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ nonRetryable: true, type: 'invalid', message: 'stripe: Invalid currency' });
      expect(createCustomer).not.toHaveBeenCalled();
      expect(await readInvoice(invoiceId)).toMatchObject({ status: 'draft', stripeInvoiceId: null });
    });
  });

  describe('addStripeLines', () => {
    it('adds only the lines the draft lacks (an earlier attempt added the first)', async () => {
      const { invoiceId, lineIds } = await preparedInvoice({ stripeInvoiceId: 'in_lines' });
      const createInvoiceItem = jest.fn(async (input: Parameters<BillingProvider['createInvoiceItem']>[0]) => ({
        id: 'ii_new',
        customerId: input.customerId,
        invoiceId: input.invoiceId ?? null,
        amountCents: 1500,
        currency: input.currency,
        description: input.description,
        quantity: 1,
        metadata: input.metadata ?? {},
      }));
      const listInvoiceLines = jest.fn(async () => [stripeLine(lineIds[0]!)]);

      await expect(
        activities(stripe({ listInvoiceLines, createInvoiceItem })).addStripeLines({
          invoiceId,
          idempotencyKeyPrefix: 'run-1',
        }),
      ).resolves.toBe(1);
      expect(listInvoiceLines).toHaveBeenCalledWith('in_lines');
      expect(createInvoiceItem).toHaveBeenCalledTimes(1);
      expect(createInvoiceItem.mock.calls[0]![0]).toMatchObject({
        invoiceId: 'in_lines',
        idempotencyKey: `run-1/${lineIds[1]}`,
        metadata: { lineId: lineIds[1] },
      });
    });

    it('fails (retryably) while the invoice has no Stripe draft yet', async () => {
      const { invoiceId } = await preparedInvoice();
      const failure = await activities(stripe({}))
        .addStripeLines({ invoiceId, idempotencyKeyPrefix: 'run-1' })
        .catch((error: unknown) => error);
      expect(failure).not.toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ message: 'The invoice has no Stripe draft yet' });
    });
  });

  it('records an invoice Stripe collected while finalizing it as paid', async () => {
    const { invoiceId } = await preparedInvoice({ stripeInvoiceId: 'in_paid' });
    const finalizeInvoice = jest.fn(async () =>
      stripeInvoice({
        id: 'in_paid',
        status: 'paid',
        number: 'VP-0001',
        hostedInvoiceUrl: 'https://pay.test/in_paid',
        pdfUrl: 'https://pay.test/in_paid.pdf',
      }),
    );

    await activities(stripe({ finalizeInvoice })).finalizeStripeInvoice({ invoiceId, idempotencyKey: 'fin' });

    expect(finalizeInvoice).toHaveBeenCalledWith('in_paid', { idempotencyKey: 'fin' });
    expect(await readInvoice(invoiceId)).toMatchObject({
      status: 'paid',
      stripeInvoiceNumber: 'VP-0001',
      hostedInvoiceUrl: 'https://pay.test/in_paid',
      pdfUrl: 'https://pay.test/in_paid.pdf',
    });
  });

  it('discards nothing at Stripe for an invoice without a draft or one already finalized', async () => {
    const deleteDraftInvoice = jest.fn(async () => 'deleted' as const);
    const withoutDraft = await preparedInvoice();
    const finalized = await preparedInvoice({ status: 'open', stripeInvoiceId: 'in_open' });

    await activities(stripe({ deleteDraftInvoice })).discardStripeDraft({ invoiceId: withoutDraft.invoiceId });
    await activities(stripe({ deleteDraftInvoice })).discardStripeDraft({ invoiceId: finalized.invoiceId });

    expect(deleteDraftInvoice).not.toHaveBeenCalled();
  });

  describe('invoice progress', () => {
    it('takes a Stripe draft once: the same id again is a no-op, another one a conflict', async () => {
      const { invoiceId } = await preparedInvoice();
      await recordStripeDraft({ orm }, { actor, invoiceId, stripeInvoiceId: 'in_first' });
      await expect(
        recordStripeDraft({ orm }, { actor, invoiceId, stripeInvoiceId: 'in_first' }),
      ).resolves.toBeUndefined();
      await expect(
        recordStripeDraft({ orm }, { actor, invoiceId, stripeInvoiceId: 'in_second' }),
      ).rejects.toMatchObject({
        code: 'conflict',
        message: `Invoice ${invoiceId} is draft with in_first`,
      });
      expect(await readInvoice(invoiceId)).toMatchObject({ stripeInvoiceId: 'in_first' });
    });

    it('refuses for good to record a draft for an invoice that is gone', async () => {
      const createInvoice = jest.fn(async () => stripeInvoice({ id: 'in_orphan' }));
      await expect(
        recordStripeDraft({ orm }, { actor, invoiceId: randomUUID(), stripeInvoiceId: 'in_orphan' }),
      ).rejects.toMatchObject({ code: 'not_found' });
      await expect(
        activities(stripe({ createInvoice })).createStripeDraft({ invoiceId: randomUUID(), idempotencyKey: 'k' }),
      ).rejects.toMatchObject({ nonRetryable: true, type: 'not_found', message: 'Invoice not found' });
      expect(createInvoice).not.toHaveBeenCalled();
    });

    it('records a finalization once, and never takes back a payment a webhook reported first', async () => {
      const { invoiceId } = await preparedInvoice({ stripeInvoiceId: 'in_final' });
      await read((em) => em.nativeUpdate(Invoice, { id: invoiceId }, { status: 'paid' }));
      const finalized = {
        actor,
        invoiceId,
        status: 'open' as const,
        number: 'VP-0002',
        hostedInvoiceUrl: 'https://pay.test/2',
        pdfUrl: null,
      };

      await recordInvoiceFinalized({ orm }, finalized);
      const first = await readInvoice(invoiceId);
      expect(first).toMatchObject({ status: 'paid', stripeInvoiceNumber: 'VP-0002' });

      // A retried activity finalizing again changes nothing.
      await recordInvoiceFinalized(
        { orm },
        { ...finalized, number: 'VP-9999', hostedInvoiceUrl: 'https://pay.test/9' },
      );
      const again = await readInvoice(invoiceId);
      expect(again).toMatchObject({
        status: 'paid',
        stripeInvoiceNumber: 'VP-0002',
        hostedInvoiceUrl: 'https://pay.test/2',
      });
      expect(first.finalizedAt).toBeInstanceOf(Date);
      expect(again.finalizedAt).toEqual(first.finalizedAt);

      await expect(recordInvoiceFinalized({ orm }, { ...finalized, invoiceId: randomUUID() })).rejects.toMatchObject({
        code: 'not_found',
      });
    });

    it('marks only drafts failed: a finalized invoice or a missing one is left alone', async () => {
      const { invoiceId } = await preparedInvoice({ status: 'open', stripeInvoiceId: 'in_open2' });
      await activities(stripe({})).markInvoiceFailed({ invoiceId, reason: 'gave up' });
      expect(await readInvoice(invoiceId)).toMatchObject({
        status: 'open',
        stripeInvoiceId: 'in_open2',
        failureReason: null,
      });
      await expect(
        recordInvoiceFailed({ orm }, { actor, invoiceId: randomUUID(), reason: 'x' }),
      ).resolves.toBeUndefined();
    });

    it('refuses a Stripe customer for a tenant without a billing account', async () => {
      const tenant = await makeTenant(orm);
      await expect(
        recordStripeCustomer({ orm }, { actor, tenantId: tenant.id, customerId: 'cus_new' }),
      ).rejects.toMatchObject({ code: 'conflict', message: `Tenant ${tenant.id} has no billing account` });
      expect(await read((em) => em.count(BillingAccount, { tenantId: tenant.id }))).toBe(0);
    });
  });
});

import type Stripe from 'stripe';
import {
  toBillingCheckoutSession,
  toBillingEvent,
  toBillingInvoice,
  toBillingInvoiceItem,
  toBillingInvoiceLine,
  toBillingSubscription,
} from './stripe-billing-objects';

// Stripe objects as the API sends them; the SDK types are wider than any test needs, hence the casts.
const JAN_1 = 1_767_225_600;
const invoice = (more: Record<string, unknown> = {}) =>
  ({
    id: 'in_1',
    object: 'invoice',
    customer: 'cus_1',
    status: 'open',
    number: 'VP-0001',
    currency: 'eur',
    subtotal: 4900,
    total: 4900,
    amount_due: 4900,
    amount_paid: 0,
    amount_remaining: 4900,
    attempt_count: 1,
    collection_method: 'charge_automatically',
    auto_advance: true,
    hosted_invoice_url: 'https://invoice.test/in_1',
    invoice_pdf: 'https://invoice.test/in_1.pdf',
    parent: { subscription_details: { subscription: 'sub_1' } },
    metadata: { tenant_id: 't1' },
    created: JAN_1,
    status_transitions: { finalized_at: JAN_1 + 60, paid_at: null },
    next_payment_attempt: JAN_1 + 3600,
    ...more,
  }) as unknown as Stripe.Invoice;
const subscription = (more: Record<string, unknown> = {}) =>
  ({
    id: 'sub_1',
    object: 'subscription',
    customer: 'cus_1',
    status: 'active',
    items: { data: [{ id: 'si_1', price: { id: 'price_pro' }, quantity: 2, current_period_end: JAN_1 }] },
    cancel_at_period_end: false,
    metadata: { tenant_id: 't1' },
    ...more,
  }) as unknown as Stripe.Subscription;
const session = (more: Record<string, unknown> = {}) =>
  ({
    id: 'cs_1',
    object: 'checkout.session',
    url: 'https://checkout.test/cs_1',
    status: 'open',
    customer: 'cus_1',
    subscription: null,
    client_reference_id: 't1',
    metadata: { tenant_id: 't1' },
    amount_subtotal: 4900,
    currency: 'eur',
    ...more,
  }) as unknown as Stripe.Checkout.Session;
const event = (object: Record<string, unknown>) =>
  ({ id: 'evt_1', object: 'event', type: 'x.updated', created: JAN_1, data: { object } }) as unknown as Stripe.Event;

describe('toBillingInvoice', () => {
  it('maps amounts, links and timestamps in the platform’s terms', () => {
    expect(toBillingInvoice(invoice())).toEqual({
      id: 'in_1',
      customerId: 'cus_1',
      status: 'open',
      number: 'VP-0001',
      currency: 'eur',
      subtotalCents: 4900,
      totalCents: 4900,
      amountDueCents: 4900,
      amountPaidCents: 0,
      amountRemainingCents: 4900,
      attemptCount: 1,
      collectionMethod: 'charge_automatically',
      autoAdvance: true,
      hostedInvoiceUrl: 'https://invoice.test/in_1',
      pdfUrl: 'https://invoice.test/in_1.pdf',
      subscriptionId: 'sub_1',
      metadata: { tenant_id: 't1' },
      createdAt: new Date('2026-01-01T00:00:00Z'),
      finalizedAt: new Date('2026-01-01T00:01:00Z'),
      paidAt: null,
      nextPaymentAttemptAt: new Date('2026-01-01T01:00:00Z'),
    });
  });

  it('reads expanded customer and subscription objects by their ids', () => {
    const expanded = invoice({
      customer: { id: 'cus_2', object: 'customer' },
      parent: { subscription_details: { subscription: { id: 'sub_2', object: 'subscription' } } },
    });
    expect(toBillingInvoice(expanded)).toMatchObject({ customerId: 'cus_2', subscriptionId: 'sub_2' });
  });

  it('fills what Stripe leaves out: no status is a draft, no links or metadata are null and empty', () => {
    const sparse = invoice({
      customer: null,
      status: null,
      auto_advance: undefined,
      hosted_invoice_url: undefined,
      invoice_pdf: undefined,
      parent: null,
      metadata: null,
      status_transitions: { finalized_at: null, paid_at: null },
      next_payment_attempt: null,
    });
    expect(toBillingInvoice(sparse)).toMatchObject({
      customerId: '',
      status: 'draft',
      autoAdvance: false,
      hostedInvoiceUrl: null,
      pdfUrl: null,
      subscriptionId: null,
      metadata: {},
      finalizedAt: null,
      nextPaymentAttemptAt: null,
    });
  });

  it('refuses a status or collection method it does not know rather than guessing', () => {
    expect(() => toBillingInvoice(invoice({ status: 'processing' }))).toThrow(
      'Stripe answered an unknown invoice status: processing',
    );
    expect(() => toBillingInvoice(invoice({ collection_method: 'direct_debit' }))).toThrow(
      'Stripe answered an unknown collection method: direct_debit',
    );
  });
});

describe('invoice lines and items', () => {
  it('maps a line with its period and without metadata', () => {
    const line = {
      id: 'il_1',
      description: 'Minutes',
      amount: 1234,
      currency: 'eur',
      quantity: null,
      period: { start: JAN_1, end: JAN_1 + 86_400 },
      metadata: null,
    } as unknown as Stripe.InvoiceLineItem;
    expect(toBillingInvoiceLine(line)).toEqual({
      id: 'il_1',
      description: 'Minutes',
      amountCents: 1234,
      currency: 'eur',
      quantity: null,
      period: { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-01-02T00:00:00Z') },
      metadata: {},
    });
  });

  it('maps a pending item (no invoice yet) and an expanded customer and invoice', () => {
    const item = (more: Record<string, unknown>) =>
      ({
        id: 'ii_1',
        customer: 'cus_1',
        invoice: null,
        amount: 500,
        currency: 'eur',
        description: null,
        quantity: 1,
        metadata: null,
        ...more,
      }) as unknown as Stripe.InvoiceItem;
    expect(toBillingInvoiceItem(item({}))).toEqual({
      id: 'ii_1',
      customerId: 'cus_1',
      invoiceId: null,
      amountCents: 500,
      currency: 'eur',
      description: null,
      quantity: 1,
      metadata: {},
    });
    expect(toBillingInvoiceItem(item({ customer: { id: 'cus_2' }, invoice: { id: 'in_2' } }))).toMatchObject({
      customerId: 'cus_2',
      invoiceId: 'in_2',
    });
    expect(toBillingInvoiceItem(item({ customer: null })).customerId).toBe('');
  });
});

describe('toBillingSubscription', () => {
  it('maps items, quantities and the period end of the first item', () => {
    expect(toBillingSubscription(subscription())).toEqual({
      id: 'sub_1',
      customerId: 'cus_1',
      status: 'active',
      items: [{ id: 'si_1', priceId: 'price_pro', quantity: 2 }],
      cancelAtPeriodEnd: false,
      currentPeriodEnd: new Date('2026-01-01T00:00:00Z'),
      metadata: { tenant_id: 't1' },
    });
  });

  it('counts an item without a quantity as one, and has no period end without items', () => {
    const noQuantity = subscription({
      customer: { id: 'cus_2' },
      items: { data: [{ id: 'si_1', price: { id: 'price_pro' }, current_period_end: JAN_1 }] },
      metadata: null,
    });
    expect(toBillingSubscription(noQuantity)).toMatchObject({
      customerId: 'cus_2',
      items: [{ quantity: 1 }],
      metadata: {},
    });
    const empty = toBillingSubscription(subscription({ customer: null, items: { data: [] } }));
    expect(empty).toMatchObject({ customerId: '', items: [], currentPeriodEnd: null });
  });
});

describe('toBillingCheckoutSession', () => {
  it('maps an open session and reads expanded customer and subscription objects by id', () => {
    expect(toBillingCheckoutSession(session({ subscription: { id: 'sub_1' } }))).toEqual({
      id: 'cs_1',
      url: 'https://checkout.test/cs_1',
      status: 'open',
      customerId: 'cus_1',
      subscriptionId: 'sub_1',
      clientReferenceId: 't1',
      metadata: { tenant_id: 't1' },
      amountSubtotalCents: 4900,
      currency: 'eur',
    });
  });

  it('takes a session without a status as open, and without customer or metadata as null and empty', () => {
    expect(
      toBillingCheckoutSession(session({ status: null, customer: null, metadata: null, url: null })),
    ).toMatchObject({ status: 'open', customerId: null, subscriptionId: null, metadata: {}, url: null });
  });

  it('refuses a session status it does not know', () => {
    expect(() => toBillingCheckoutSession(session({ status: 'processing' }))).toThrow(
      'Stripe answered an unknown Checkout Session status: processing',
    );
  });
});

describe('toBillingEvent', () => {
  it('maps the invoices, subscriptions and Checkout Sessions billing reads', () => {
    const base = { id: 'evt_1', type: 'x.updated', createdAt: new Date('2026-01-01T00:00:00Z') };
    expect(toBillingEvent(event({ ...invoice() }))).toEqual({
      ...base,
      object: 'invoice',
      invoice: toBillingInvoice(invoice()),
    });
    expect(toBillingEvent(event({ ...subscription() }))).toEqual({
      ...base,
      object: 'subscription',
      subscription: toBillingSubscription(subscription()),
    });
    expect(toBillingEvent(event({ ...session() }))).toEqual({
      ...base,
      object: 'checkout_session',
      checkoutSession: toBillingCheckoutSession(session()),
    });
  });

  it('keeps only the type, id and customer of other objects, expanded or not', () => {
    expect(toBillingEvent(event({ object: 'payment_intent', id: 'pi_1', customer: { id: 'cus_2' } }))).toMatchObject({
      object: 'other',
      objectType: 'payment_intent',
      objectId: 'pi_1',
      customerId: 'cus_2',
    });
    expect(toBillingEvent(event({ object: 'charge', id: 'ch_1', customer: null }))).toMatchObject({
      objectType: 'charge',
      customerId: null,
    });
  });

  it('reports an object without a type or id as unknown rather than failing', () => {
    expect(toBillingEvent(event({}))).toMatchObject({
      object: 'other',
      objectType: 'unknown',
      objectId: null,
      customerId: null,
    });
  });
});

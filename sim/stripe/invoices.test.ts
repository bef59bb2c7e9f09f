import Stripe from 'stripe';
import { useStripeSimulator } from './test-simulator';

const sim = useStripeSimulator();

const newCustomer = () => sim.stripe.customers.create({ email: 'billing@tenant.test', name: 'Tenant GmbH' });
/** An item of `amount` cents (eur) put straight on a draft. */
const itemOn = (invoice: Stripe.Invoice, amount: number) =>
  sim.stripe.invoiceItems.create({
    customer: invoice.customer as string,
    invoice: invoice.id,
    amount,
    currency: 'eur',
  });

describe('Stripe simulator invoices', () => {
  it('collects pending items into an invoice and totals its lines exactly, including sub-cent unit prices', async () => {
    const customer = await newCustomer();
    await sim.stripe.invoiceItems.create({
      customer: customer.id,
      amount: 4900,
      currency: 'eur',
      description: 'Pro plan',
    });
    // 1 234 minutes at 6.25 cents: 7712.5, rounded half up to 7713.
    await sim.stripe.invoiceItems.create({
      customer: customer.id,
      currency: 'eur',
      quantity: 1234,
      unit_amount_decimal: Stripe.Decimal.from('6.25'),
      description: 'Minutes',
      period: { start: 1_767_225_600, end: 1_769_904_000 },
      metadata: { usage: 'minutes' },
    });
    const other = await newCustomer();
    await sim.stripe.invoiceItems.create({ customer: other.id, amount: 100, currency: 'eur' });

    const invoice = await sim.stripe.invoices.create({
      customer: customer.id,
      pending_invoice_items_behavior: 'include',
      metadata: { period: '2026-01' },
    });
    expect(invoice).toMatchObject({
      status: 'draft',
      subtotal: 12613,
      total: 12613,
      amount_due: 12613,
      currency: 'eur',
    });
    expect(invoice.number).toBeNull();
    const lines = await sim.stripe.invoices.listLineItems(invoice.id);
    expect(lines.data.map((line) => [line.description, line.amount, line.quantity])).toEqual([
      ['Pro plan', 4900, 1],
      ['Minutes', 7713, 1234],
    ]);
    expect(lines.data[1]?.period).toEqual({ start: 1_767_225_600, end: 1_769_904_000 });
    expect(lines.data[1]?.pricing?.unit_amount_decimal?.toString()).toBe('6.25');

    const excluded = await sim.stripe.invoices.create({
      customer: other.id,
      pending_invoice_items_behavior: 'exclude',
    });
    expect(excluded.total).toBe(0);
    const pending = await sim.stripe.invoiceItems.list({ customer: other.id, pending: true });
    expect(pending.data).toHaveLength(1);
  });

  it('finalizes with a number, a hosted page and a PDF, then takes payment and refuses to pay twice', async () => {
    const customer = await newCustomer();
    const draft = await sim.stripe.invoices.create({
      customer: customer.id,
      collection_method: 'charge_automatically',
    });
    await itemOn(draft, 2500);
    const open = await sim.stripe.invoices.finalizeInvoice(draft.id);
    expect(open).toMatchObject({ status: 'open', amount_due: 2500, amount_remaining: 2500, attempt_count: 0 });
    expect(open.number).toMatch(/^[A-Z0-9]{8}-0001$/);
    const page = await fetch(open.hosted_invoice_url!);
    expect(await page.text()).toContain('€25.00');
    const pdf = Buffer.from(await (await fetch(open.invoice_pdf!)).arrayBuffer());
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.4');
    expect(pdf.toString('latin1')).toContain(`Invoice ${open.number}`);

    await expect(itemOn(open, 1)).rejects.toMatchObject({ statusCode: 400, code: 'invoice_not_editable' });
    await expect(sim.stripe.invoices.finalizeInvoice(open.id)).rejects.toMatchObject({ statusCode: 400 });

    const paid = await sim.stripe.invoices.pay(open.id);
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 2500, amount_remaining: 0, attempt_count: 1 });
    expect(paid.status_transitions.paid_at).toEqual(expect.any(Number));
    await expect(sim.stripe.invoices.pay(open.id)).rejects.toMatchObject({ statusCode: 400 });
    const second = await sim.stripe.invoices.create({ customer: customer.id });
    await itemOn(second, 1);
    expect((await sim.stripe.invoices.finalizeInvoice(second.id)).number).toMatch(/-0002$/);
  });

  it('marks an invoice with nothing to pay paid as soon as it is finalized', async () => {
    const customer = await newCustomer();
    const draft = await sim.stripe.invoices.create({ customer: customer.id });
    expect((await sim.stripe.invoices.finalizeInvoice(draft.id)).status).toBe('paid');
  });

  it('deletes drafts only, with their items, and voids open invoices', async () => {
    const customer = await newCustomer();
    const draft = await sim.stripe.invoices.create({ customer: customer.id });
    const item = await itemOn(draft, 700);
    await expect(sim.stripe.invoices.voidInvoice(draft.id)).rejects.toMatchObject({ statusCode: 400 });
    expect(await sim.stripe.invoices.del(draft.id)).toEqual(expect.objectContaining({ id: draft.id, deleted: true }));
    await expect(sim.stripe.invoices.retrieve(draft.id)).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    await expect(sim.stripe.invoiceItems.retrieve(item.id)).rejects.toMatchObject({ statusCode: 404 });

    const other = await sim.stripe.invoices.create({ customer: customer.id });
    const kept = await itemOn(other, 300);
    const open = await sim.stripe.invoices.finalizeInvoice(other.id, { auto_advance: false });
    await expect(sim.stripe.invoices.del(open.id)).rejects.toMatchObject({
      statusCode: 400,
      code: 'invoice_not_editable',
    });
    await expect(sim.stripe.invoiceItems.del(kept.id)).rejects.toMatchObject({ statusCode: 400 });
    const voided = await sim.stripe.invoices.voidInvoice(open.id);
    expect(voided).toMatchObject({ status: 'void', amount_remaining: 0 });
    expect(voided.status_transitions.voided_at).toEqual(expect.any(Number));
    await expect(sim.stripe.invoices.pay(open.id)).rejects.toMatchObject({ statusCode: 400 });
  });

  it('lists invoices by customer and status, newest first, page by page', async () => {
    const customer = await newCustomer();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await sim.stripe.invoices.create({ customer: customer.id })).id);
    await sim.stripe.invoices.finalizeInvoice(ids[0]!);
    const drafts = await sim.stripe.invoices.list({ customer: customer.id, status: 'draft', limit: 1 });
    expect(drafts).toMatchObject({ has_more: true, data: [{ id: ids[2] }] });
    const all = await sim.stripe.invoices.list({ customer: customer.id, limit: 2 }).autoPagingToArray({ limit: 10 });
    expect(all.map((invoice) => invoice.id)).toEqual([...ids].reverse());
    expect((await sim.stripe.invoices.list({ customer: 'cus_other' })).data).toEqual([]);
  });

  it('refuses what Stripe refuses: unknown parameters, recurring prices on items, missing customers', async () => {
    const customer = await newCustomer();
    await expect(
      sim.stripe.invoices.create({ customer: customer.id, unknown_flag: true } as Stripe.InvoiceCreateParams),
    ).rejects.toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'unknown_flag' });
    await expect(
      sim.stripe.invoiceItems.create({ customer: customer.id, pricing: { price: 'price_voiceplane_pro_monthly' } }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'pricing[price]' });
    await expect(sim.stripe.invoiceItems.create({ customer: customer.id, currency: 'eur' })).rejects.toMatchObject({
      code: 'parameter_missing',
    });
    await expect(sim.stripe.invoices.create({ customer: 'cus_missing' })).rejects.toMatchObject({
      statusCode: 404,
      message: "No such customer: 'cus_missing'",
    });
    await expect(
      sim.stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice' }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'parameter_missing' });
  });
});

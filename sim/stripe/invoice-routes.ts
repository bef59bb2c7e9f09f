import type { FastifyInstance } from 'fastify';
import { baseUrlOf, type SimContext } from '../context';
import { announceInvoice } from './announce';
import { StripeApiError, invalid, noSuch } from './errors';
import { itemsOf } from './invoice-math';
import { draftInvoice, finalizeInvoice, voidInvoice } from './invoicing';
import { listOf, newestFirst } from './list';
import { choice, flag, integer, mergeMetadata, onlyKnown, required, text } from './params';
import { chargeInvoice, markPaid } from './payments';
import { renderDeleted } from './render-catalog';
import { renderInvoice, renderLine } from './render-invoice';
import { bodyOf, liveCustomer, queryOf, routeKit, type IdParams } from './route-kit';

const STATUSES = ['draft', 'open', 'paid', 'void', 'uncollectible'] as const;

/** `/v1/invoices`: drafts, finalizing, paying, voiding, deleting drafts; totals always follow the lines. */
export async function invoiceRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const { on, stripe } = routeKit(sim);
  const find = (id: string) => {
    const invoice = stripe().invoices.get(id);
    if (!invoice) throw noSuch('invoice', id);
    return invoice;
  };
  const render = (id: string) => renderInvoice(stripe(), find(id));

  app.post('/v1/invoices', on('stripe.createInvoice'), async (request) => {
    const form = bodyOf(request);
    onlyKnown(form, [
      'customer',
      'auto_advance',
      'collection_method',
      'currency',
      'days_until_due',
      'due_date',
      'description',
      'metadata',
      'pending_invoice_items_behavior',
    ]);
    const customerId = required(text(form, 'customer'), 'customer');
    const customer = liveCustomer(stripe(), customerId);
    const collectionMethod = choice(form, 'collection_method', ['charge_automatically', 'send_invoice']);
    const daysUntilDue = integer(form, 'days_until_due');
    const dueDate = integer(form, 'due_date');
    if (collectionMethod === 'send_invoice' && daysUntilDue === undefined && dueDate === undefined) {
      throw invalid(
        'Invoices with collection_method=send_invoice need days_until_due or due_date.',
        'parameter_missing',
        'days_until_due',
      );
    }
    if (collectionMethod !== 'send_invoice' && (daysUntilDue !== undefined || dueDate !== undefined)) {
      throw invalid(
        'days_until_due and due_date apply only to collection_method=send_invoice.',
        undefined,
        'days_until_due',
      );
    }
    const include = choice(form, 'pending_invoice_items_behavior', ['include', 'exclude']) === 'include';
    const invoice = draftInvoice(sim, {
      customer,
      currency: (text(form, 'currency') ?? customer.currency ?? 'eur').toLowerCase(),
      collectionMethod: collectionMethod ?? 'charge_automatically',
      autoAdvance: flag(form, 'auto_advance') ?? false,
      daysUntilDue,
      dueDate,
      description: text(form, 'description'),
      metadata: mergeMetadata({}, form),
    });
    if (include) {
      for (const item of stripe().invoiceItems.values()) {
        const pending = item.customer === customer.id && item.invoice === null && item.currency === invoice.currency;
        if (pending) item.invoice = invoice.id;
      }
    }
    announceInvoice(sim, 'invoice.created', invoice);
    return renderInvoice(stripe(), invoice);
  });

  app.get<IdParams>('/v1/invoices/:id', on('stripe.getInvoice'), async (request) => render(request.params.id));

  app.post<IdParams>('/v1/invoices/:id', on('stripe.updateInvoice'), async (request) => {
    const invoice = find(request.params.id);
    const form = bodyOf(request);
    onlyKnown(
      form,
      invoice.status === 'draft' ? ['metadata', 'description', 'auto_advance'] : ['metadata', 'auto_advance'],
    );
    invoice.metadata = mergeMetadata(invoice.metadata, form);
    invoice.description = text(form, 'description') ?? invoice.description;
    invoice.autoAdvance = flag(form, 'auto_advance') ?? invoice.autoAdvance;
    announceInvoice(sim, 'invoice.updated', invoice);
    return renderInvoice(stripe(), invoice);
  });

  app.get('/v1/invoices', on('stripe.listInvoices'), async (request) => {
    const query = queryOf(request);
    onlyKnown(query, [
      'customer',
      'status',
      'subscription',
      'collection_method',
      'limit',
      'starting_after',
      'ending_before',
      'created',
      'due_date',
    ]);
    const customer = text(query, 'customer');
    const status = choice(query, 'status', STATUSES);
    const subscription = text(query, 'subscription');
    const invoices = newestFirst(stripe().invoices).filter(
      (invoice) =>
        (customer === undefined || invoice.customer === customer) &&
        (status === undefined || invoice.status === status) &&
        (subscription === undefined || invoice.subscription === subscription),
    );
    return listOf(
      invoices.map((invoice) => renderInvoice(stripe(), invoice)),
      query,
      '/v1/invoices',
    );
  });

  app.post<IdParams>('/v1/invoices/:id/finalize', on('stripe.finalizeInvoice'), async (request) => {
    const invoice = find(request.params.id);
    const form = bodyOf(request);
    onlyKnown(form, ['auto_advance']);
    invoice.autoAdvance = flag(form, 'auto_advance') ?? invoice.autoAdvance;
    finalizeInvoice(sim, invoice, baseUrlOf(request));
    return renderInvoice(stripe(), invoice);
  });

  app.post<IdParams>('/v1/invoices/:id/pay', on('stripe.payInvoice'), async (request) => {
    const invoice = find(request.params.id);
    const form = bodyOf(request);
    onlyKnown(form, ['paid_out_of_band', 'forgive', 'off_session', 'payment_method']);
    if (invoice.status === 'paid') throw invalid('Invoice is already paid.');
    if (invoice.status === 'void') throw invalid('This invoice has been voided and can no longer be paid.');
    // Paying a draft finalizes it first, as on Stripe.
    if (invoice.status === 'draft') finalizeInvoice(sim, invoice, baseUrlOf(request));
    if (invoice.status === 'open') {
      if (flag(form, 'paid_out_of_band')) markPaid(sim, invoice, null);
      else if (chargeInvoice(sim, invoice) === 'declined') {
        throw new StripeApiError(402, 'card_error', 'Your card was declined.', 'card_declined', undefined, {
          decline_code: 'generic_decline',
          payment_intent: { id: invoice.paymentIntent, object: 'payment_intent' },
        });
      }
    }
    return renderInvoice(stripe(), invoice);
  });

  app.post<IdParams>('/v1/invoices/:id/void', on('stripe.voidInvoice'), async (request) => {
    const invoice = find(request.params.id);
    onlyKnown(bodyOf(request), []);
    voidInvoice(sim, invoice);
    return renderInvoice(stripe(), invoice);
  });

  app.delete<IdParams>('/v1/invoices/:id', on('stripe.deleteInvoice'), async (request) => {
    const invoice = find(request.params.id);
    if (invoice.status !== 'draft') {
      throw invalid('You can only delete draft invoices; void an open invoice instead.', 'invoice_not_editable');
    }
    // Its items go with it (an item added with `invoice` never was pending).
    const snapshot = renderInvoice(stripe(), invoice);
    for (const item of itemsOf(stripe(), invoice)) stripe().invoiceItems.delete(item.id);
    stripe().invoices.delete(invoice.id);
    sim.stripe.emit('invoice.deleted', snapshot);
    return renderDeleted(invoice.id, 'invoice');
  });

  app.get<IdParams>('/v1/invoices/:id/lines', on('stripe.listInvoiceLines'), async (request) => {
    const invoice = find(request.params.id);
    const query = queryOf(request);
    onlyKnown(query, ['limit', 'starting_after', 'ending_before']);
    const lines = itemsOf(stripe(), invoice).map((item) => renderLine(item, stripe()));
    return listOf(lines, query, `/v1/invoices/${invoice.id}/lines`);
  });
}

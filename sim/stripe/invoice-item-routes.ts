import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { invalid, noSuch } from './errors';
import type { Form } from './form';
import { listOf, newestFirst } from './list';
import { lineAmount } from './money';
import { decimal, flag, integer, mergeMetadata, object, onlyKnown, required, text } from './params';
import { renderDeleted } from './render-catalog';
import { renderInvoiceItem } from './render-invoice';
import { bodyOf, liveCustomer, queryOf, routeKit, type IdParams } from './route-kit';
import { now, stripeId, type StripeInvoiceItem, type StripeState } from './state';

const FIELDS = [
  'customer',
  'invoice',
  'amount',
  'currency',
  'description',
  'quantity',
  'unit_amount_decimal',
  'pricing',
  'price_data',
  'period',
  'metadata',
  'discountable',
];

/** `/v1/invoiceitems`: pending until an invoice includes them, or attached to a draft with `invoice`. */
export async function invoiceItemRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const { on, stripe } = routeKit(sim);
  const find = (id: string) => {
    const item = stripe().invoiceItems.get(id);
    if (!item) throw noSuch('invoiceitem', id);
    return item;
  };

  app.post('/v1/invoiceitems', on('stripe.createInvoiceItem'), async (request) => {
    const form = bodyOf(request);
    onlyKnown(form, FIELDS);
    const customerId = required(text(form, 'customer'), 'customer');
    const customer = liveCustomer(stripe(), customerId);
    const invoiceId = text(form, 'invoice');
    const invoice = invoiceId === undefined ? undefined : stripe().invoices.get(invoiceId);
    if (invoiceId !== undefined && !invoice) throw noSuch('invoice', invoiceId);
    if (invoice && invoice.customer !== customer.id) {
      throw invalid(`Invoice ${invoice.id} belongs to another customer.`, undefined, 'invoice');
    }
    if (invoice && invoice.status !== 'draft') {
      throw invalid('Invoice items can only be added to draft invoices.', 'invoice_not_editable', 'invoice');
    }
    const pricing = priceOf(stripe(), form);
    const currency = (
      text(form, 'currency') ??
      pricing.currency ??
      invoice?.currency ??
      customer.currency ??
      'eur'
    ).toLowerCase();
    if (invoice && invoice.currency !== currency) {
      throw invalid(
        `The currency ${currency} differs from the invoice's currency ${invoice.currency}.`,
        undefined,
        'currency',
      );
    }
    const period = object(form, 'period');
    const created = now();
    const item: StripeInvoiceItem = {
      id: stripeId('ii'),
      created,
      customer: customer.id,
      invoice: invoice?.id ?? null,
      amount: pricing.amount,
      currency,
      description: text(form, 'description') ?? null,
      quantity: pricing.quantity,
      unitAmountDecimal: pricing.unitAmountDecimal,
      period: {
        start: period ? required(integer(period, 'start', 'period'), 'start', 'period') : created,
        end: period ? required(integer(period, 'end', 'period'), 'end', 'period') : created,
      },
      price: pricing.price,
      subscription: null,
      metadata: mergeMetadata({}, form),
    };
    if (item.period.end < item.period.start) {
      throw invalid('period[end] must not be before period[start].', undefined, 'period');
    }
    customer.currency ??= currency;
    stripe().invoiceItems.set(item.id, item);
    sim.stripe.emit('invoiceitem.created', renderInvoiceItem(item, stripe()));
    return renderInvoiceItem(item, stripe());
  });

  app.get<IdParams>('/v1/invoiceitems/:id', on('stripe.getInvoiceItem'), async (request) =>
    renderInvoiceItem(find(request.params.id), stripe()),
  );

  app.get('/v1/invoiceitems', on('stripe.listInvoiceItems'), async (request) => {
    const query = queryOf(request);
    onlyKnown(query, ['customer', 'invoice', 'pending', 'limit', 'starting_after', 'ending_before', 'created']);
    const customer = text(query, 'customer');
    const invoice = text(query, 'invoice');
    const pending = flag(query, 'pending');
    const items = newestFirst(stripe().invoiceItems).filter(
      (item) =>
        (customer === undefined || item.customer === customer) &&
        (invoice === undefined || item.invoice === invoice) &&
        (pending === undefined || (item.invoice === null) === pending),
    );
    return listOf(
      items.map((item) => renderInvoiceItem(item, stripe())),
      query,
      '/v1/invoiceitems',
    );
  });

  app.delete<IdParams>('/v1/invoiceitems/:id', on('stripe.deleteInvoiceItem'), async (request) => {
    const item = find(request.params.id);
    const invoice = item.invoice ? stripe().invoices.get(item.invoice) : undefined;
    if (invoice && invoice.status !== 'draft') {
      throw invalid('Only pending invoice items or items on a draft invoice can be deleted.', 'invoice_not_editable');
    }
    stripe().invoiceItems.delete(item.id);
    sim.stripe.emit('invoiceitem.deleted', renderInvoiceItem(item, stripe()));
    return renderDeleted(item.id, 'invoiceitem');
  });
}

/**
 * The amount from one of Stripe's ways to price an item: `amount`, `quantity` × `unit_amount_decimal`,
 * `pricing[price]` (a one-time price) or `price_data`.
 */
function priceOf(stripe: StripeState, form: Form) {
  const amount = integer(form, 'amount');
  const quantity = integer(form, 'quantity') ?? 1;
  if (quantity < 0) throw invalid('quantity must not be negative.', undefined, 'quantity');
  const unitAmountDecimal = decimal(form, 'unit_amount_decimal');
  const priceId = text(object(form, 'pricing') ?? {}, 'price', 'pricing');
  const priceData = object(form, 'price_data');
  const ways = [amount, unitAmountDecimal, priceId, priceData].filter((way) => way !== undefined).length;
  if (ways === 0) throw invalid('Missing required param: amount.', 'parameter_missing', 'amount');
  if (ways > 1) throw invalid('Pass only one of amount, unit_amount_decimal, pricing[price] and price_data.');
  if (amount !== undefined) {
    if (integer(form, 'quantity') !== undefined && quantity !== 1) {
      throw invalid('quantity cannot be combined with amount; use unit_amount_decimal.', undefined, 'quantity');
    }
    return { amount, quantity: 1, unitAmountDecimal: String(amount), price: null, currency: undefined };
  }
  if (priceId !== undefined) {
    const price = stripe.prices.get(priceId);
    if (!price) throw noSuch('price', priceId);
    if (price.recurring) {
      throw invalid(
        'The price specified is set to `type=recurring` but this field only accepts prices with `type=one_time`.',
        undefined,
        'pricing[price]',
      );
    }
    const { unitAmountDecimal: unit, currency, id } = price;
    return { amount: lineAmount(quantity, unit), quantity, unitAmountDecimal: unit, price: id, currency };
  }
  if (priceData) {
    const unit = required(
      decimal(priceData, 'unit_amount_decimal', 'price_data') ??
        integer(priceData, 'unit_amount', 'price_data')?.toString(),
      'unit_amount',
      'price_data',
    );
    const currency = required(text(priceData, 'currency', 'price_data'), 'currency', 'price_data');
    const product = required(text(priceData, 'product', 'price_data'), 'product', 'price_data');
    if (!stripe.products.has(product)) throw noSuch('product', product);
    return { amount: lineAmount(quantity, unit), quantity, unitAmountDecimal: unit, price: null, currency };
  }
  const unit = unitAmountDecimal!;
  return { amount: lineAmount(quantity, unit), quantity, unitAmountDecimal: unit, price: null, currency: undefined };
}

import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SimContext } from '../context';
import { escapeHtml, formatAmount, page } from './html';
import { itemsOf, totalsOf } from './invoice-math';
import { chargeInvoice } from './payments';
import { textPdf } from './pdf';
import type { IdParams } from './route-kit';

/**
 * `hosted_invoice_url` and `invoice_pdf` of finalized invoices. The hosted page of an open invoice has a
 * `#pay-invoice` button that charges the customer's card (their payment outcome decides).
 */
export async function invoicePages(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const stripe = () => sim.state.stripe;
  const finalized = (id: string) => {
    const invoice = stripe().invoices.get(id);
    return invoice && invoice.status !== 'draft' ? invoice : undefined;
  };
  const notFound = (reply: FastifyReply) =>
    reply.code(404).type('text/html').send(page('Invoice not found', '<p>This invoice does not exist.</p>'));

  app.get<IdParams>('/invoices/:id', async (request, reply) => {
    const invoice = finalized(request.params.id);
    if (!invoice) return notFound(reply);
    const money = (cents: number) => formatAmount(cents, invoice.currency);
    const rows = itemsOf(stripe(), invoice).map(
      (item) => `<tr><td>${escapeHtml(item.description ?? '')}</td><td>${money(item.amount)}</td></tr>`,
    );
    const totals = totalsOf(stripe(), invoice);
    const declined = invoice.paymentIntent && stripe().paymentIntents.get(invoice.paymentIntent)?.declined;
    const pay =
      invoice.status === 'open'
        ? `${declined ? '<p id="error" class="error">Your card was declined.</p>' : ''}
<form method="post" action="/stripe/invoices/${invoice.id}/pay"><button id="pay-invoice" type="submit">Pay ${money(totals.amountRemaining)}</button></form>`
        : '';
    const body = `<p>Status: <strong id="status">${invoice.status}</strong></p>
<table>${rows.join('')}<tr><th>Total</th><th id="total">${money(totals.total)}</th></tr></table>
${pay}<p><a id="download-pdf" href="/stripe/invoices/${invoice.id}/pdf">Download invoice (PDF)</a></p>`;
    return reply.type('text/html').send(page(`Invoice ${invoice.number}`, body));
  });

  app.post<IdParams>('/invoices/:id/pay', async (request, reply) => {
    const invoice = finalized(request.params.id);
    if (!invoice) return notFound(reply);
    if (invoice.status === 'open') chargeInvoice(sim, invoice);
    return reply.redirect(`/stripe/invoices/${invoice.id}`, 303);
  });

  app.get<IdParams>('/invoices/:id/pdf', async (request, reply) => {
    const invoice = finalized(request.params.id);
    if (!invoice) return notFound(reply);
    // Plain ASCII: the PDF's standard font has no euro sign in the encoding used.
    const money = (cents: number) => `${(cents / 100).toFixed(2)} ${invoice.currency.toUpperCase()}`;
    const lines = [
      `Invoice ${invoice.number}`,
      `Status: ${invoice.status}`,
      '',
      ...itemsOf(stripe(), invoice).map((item) => `${item.description ?? ''}  ${money(item.amount)}`),
      '',
      `Total: ${money(totalsOf(stripe(), invoice).total)}`,
    ];
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${invoice.number}.pdf"`)
      .send(textPdf(lines));
  });
}

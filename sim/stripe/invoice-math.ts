import type { StripeInvoice, StripeInvoiceItem, StripeState } from './state';

/** The items on an invoice, in the order they were added (its lines). */
export function itemsOf(stripe: StripeState, invoice: StripeInvoice): StripeInvoiceItem[] {
  return [...stripe.invoiceItems.values()].filter((item) => item.invoice === invoice.id);
}

/**
 * Totals from the lines (returned too, so callers need not look them up again); no tax, discounts or credit in
 * the simulator, so total = subtotal = amount due.
 */
export function totalsOf(stripe: StripeState, invoice: StripeInvoice) {
  const lines = itemsOf(stripe, invoice);
  const subtotal = lines.reduce((sum, item) => sum + item.amount, 0);
  const amountDue = Math.max(subtotal, 0);
  const settled = invoice.status === 'paid' || invoice.status === 'void';
  return {
    lines,
    subtotal,
    total: subtotal,
    amountDue,
    amountPaid: invoice.amountPaid,
    amountRemaining: settled ? 0 : amountDue - invoice.amountPaid,
  };
}

import type { InvoiceLineView, InvoiceView } from '../../contracts/invoices';
import type { Invoice } from '../../db/entities/invoice';
import type { InvoiceLine } from '../../db/entities/invoice-line';

export const toInvoiceView = (invoice: Invoice): InvoiceView => ({
  id: invoice.id,
  tenantId: invoice.tenantId,
  periodStart: invoice.periodStart,
  periodEnd: invoice.periodEnd,
  status: invoice.status,
  currency: invoice.currency,
  totalCents: invoice.totalCents,
  hostedInvoiceUrl: invoice.hostedInvoiceUrl ?? null,
  pdfUrl: invoice.pdfUrl ?? null,
  createdAt: invoice.createdAt.toISOString(),
});

export const toInvoiceLineView = (line: InvoiceLine): InvoiceLineView => ({
  id: line.id,
  kind: line.kind,
  description: line.description,
  quantity: line.quantity,
  unitPriceCents: line.unitPriceCents,
  amountCents: line.amountCents,
});

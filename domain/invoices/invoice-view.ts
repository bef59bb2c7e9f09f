import type { Invoice } from '../../db/entities/invoice';
import type { InvoiceLine } from '../../db/entities/invoice-line';

export interface InvoiceView {
  id: string;
  tenantId: string;
  /** Calendar dates (YYYY-MM-DD); the end is the last day the invoice covers. */
  periodStart: string;
  periodEnd: string;
  status: Invoice['status'];
  currency: string;
  totalCents: number;
  hostedInvoiceUrl: string | null;
  pdfUrl: string | null;
  createdAt: string;
}

export interface InvoiceLineView {
  id: string;
  kind: string;
  description: string;
  quantity: number;
  unitPriceCents: number;
  amountCents: number;
}

export interface InvoiceDetailView extends InvoiceView {
  lines: InvoiceLineView[];
}

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

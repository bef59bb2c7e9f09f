import { z } from 'zod';
import { INVOICE_STATUSES } from './invoice-status';

export const InvoiceListQuery = z.strictObject({
  status: z.enum(INVOICE_STATUSES).optional(),
  tenantId: z.uuid().optional(),
});
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;

export const InvoiceView = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    /** Calendar dates (YYYY-MM-DD); the end is the last day the invoice covers. */
    periodStart: z.string(),
    periodEnd: z.string(),
    status: z.enum(INVOICE_STATUSES),
    /** ISO 4217, e.g. EUR. */
    currency: z.string(),
    totalCents: z.int(),
    hostedInvoiceUrl: z.string().nullable(),
    pdfUrl: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'InvoiceView' });
export type InvoiceView = z.infer<typeof InvoiceView>;

/** One priced line of an invoice: quantity × unit price = amount. */
export const InvoiceLineView = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    description: z.string(),
    quantity: z.int(),
    unitPriceCents: z.int(),
    amountCents: z.int(),
  })
  .meta({ id: 'InvoiceLineView' });
export type InvoiceLineView = z.infer<typeof InvoiceLineView>;

/** An invoice with its lines. */
export const InvoiceDetail = InvoiceView.extend({ lines: z.array(InvoiceLineView) }).meta({ id: 'InvoiceDetail' });
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;

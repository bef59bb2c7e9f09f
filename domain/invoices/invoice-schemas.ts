import { z } from 'zod';

export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'uncollectible', 'failed'] as const;

export const InvoiceListQuery = z.object({
  status: z.enum(INVOICE_STATUSES).optional(),
  tenantId: z.uuid().optional(),
});
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;

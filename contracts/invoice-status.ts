export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'uncollectible', 'failed'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

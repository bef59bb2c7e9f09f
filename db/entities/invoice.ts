import { INVOICE_STATUSES } from '../../contracts/invoice-status';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

export const Invoice = defineEntity({
  name: 'Invoice',
  tableName: 'invoices',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    periodStart: p.string().columnType('date'),
    periodEnd: p.string().columnType('date'),
    stripeInvoiceId: p.text().nullable(),
    status: p.enum(INVOICE_STATUSES),
    currency: p.string().columnType('char(3)'),
    totalCents: p.bigint('number').default(0),
    hostedInvoiceUrl: p.text().nullable(),
    pdfUrl: p.text().nullable(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type Invoice = InferEntity<typeof Invoice>;

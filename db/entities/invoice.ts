import { INVOICE_STATUSES } from '../../contracts/invoice-status';
import type { UsageKind } from '../../contracts/usage-kind';
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
    /** The plan and usage the invoicing workflow rated (null on invoices it did not make). */
    planCode: p.text().nullable(),
    ratedUsage: p.json<Partial<Record<UsageKind, number>>>().nullable(),
    workflowId: p.text().nullable(),
    stripeInvoiceNumber: p.text().nullable(),
    finalizedAt: p.datetime().nullable(),
    failureReason: p.text().nullable(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type Invoice = InferEntity<typeof Invoice>;

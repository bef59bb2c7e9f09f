import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { idColumn } from './columns';

export const InvoiceLine = defineEntity({
  name: 'InvoiceLine',
  tableName: 'invoice_lines',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    invoiceId: p.uuid(),
    kind: p.text(),
    description: p.text(),
    quantity: p.bigint('number'),
    unitPriceCents: p.bigint('number'),
    amountCents: p.bigint('number'),
    /** The price band of a graduated price (0-based); null for the fee and late-usage adjustments. */
    tier: p.integer().nullable(),
    /** The period whose usage the line bills (`YYYY-MM`): the invoice's own, or the previous one for late usage. */
    sourcePeriod: p.string().columnType('char(7)'),
    position: p.integer().default(0),
  },
});
export type InvoiceLine = InferEntity<typeof InvoiceLine>;

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
  },
});
export type InvoiceLine = InferEntity<typeof InvoiceLine>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

export const BillingAccount = defineEntity({
  name: 'BillingAccount',
  tableName: 'billing_accounts',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    stripeCustomerId: p.text(),
    email: p.text(),
    currency: p.string().columnType('char(3)'),
    createdAt: createdAtColumn(),
  },
});
export type BillingAccount = InferEntity<typeof BillingAccount>;

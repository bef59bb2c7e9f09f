import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_STATUSES } from '../../domain/tenants/tenant-status';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

export const Tenant = defineEntity({
  name: 'Tenant',
  tableName: 'tenants',
  properties: {
    id: idColumn(),
    name: p.string(),
    slug: p.string(),
    status: p.enum(TENANT_STATUSES),
    onboardingStep: p.string().default('created'),
    contactEmail: p.string(),
    verifiedAt: p.datetime().nullable(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type Tenant = InferEntity<typeof Tenant>;

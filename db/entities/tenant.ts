import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_STATUSES } from '../../contracts/tenant-status';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

export const Tenant = defineEntity({
  name: 'Tenant',
  tableName: 'tenants',
  properties: {
    id: idColumn(),
    name: p.text(),
    slug: p.text(),
    status: p.enum(TENANT_STATUSES),
    onboardingStep: p.text().default('created'),
    contactEmail: p.text(),
    verifiedAt: p.datetime().nullable(),
    /** The plan chosen at sign-up (a plan code); null when none was chosen. */
    signupPlan: p.text().nullable(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type Tenant = InferEntity<typeof Tenant>;

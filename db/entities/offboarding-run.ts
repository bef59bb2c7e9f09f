import { OFFBOARDING_RUN_STATUSES } from '../../contracts/offboarding-steps';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

/** A tenant's offboarding run; it outlives the tenant's rows and holds no personal data. */
export const OffboardingRun = defineEntity({
  name: 'OffboardingRun',
  tableName: 'offboarding_runs',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    status: p.enum(OFFBOARDING_RUN_STATUSES),
    workflowId: p.text(),
    steps: p.json<unknown[]>().onCreate(() => []),
    error: p.text().nullable(),
    exportId: p.uuid().nullable(),
    requestedBy: p.uuid().nullable(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
    finishedAt: p.datetime().nullable(),
  },
});
export type OffboardingRun = InferEntity<typeof OffboardingRun>;

import { JOB_KINDS, JOB_STATUSES } from '../../contracts/provisioning-job';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

export const ProvisioningJob = defineEntity({
  name: 'ProvisioningJob',
  tableName: 'provisioning_jobs',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    botId: p.uuid(),
    kind: p.enum(JOB_KINDS),
    status: p.enum(JOB_STATUSES),
    workflowId: p.text(),
    runId: p.text().nullable(),
    steps: p.json<unknown[]>().onCreate(() => []),
    payload: p.json<Record<string, unknown>>().onCreate(() => ({})),
    error: p.text().nullable(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    createdAt: createdAtColumn(),
  },
});
export type ProvisioningJob = InferEntity<typeof ProvisioningJob>;

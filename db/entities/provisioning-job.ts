import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

export const ProvisioningJob = defineEntity({
  name: 'ProvisioningJob',
  tableName: 'provisioning_jobs',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    botId: p.uuid(),
    kind: p.enum(['provision', 'rotate_number', 'deprovision'] as const),
    status: p.enum(['queued', 'running', 'done', 'error', 'canceled'] as const),
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

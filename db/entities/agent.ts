import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

export const Agent = defineEntity({
  name: 'Agent',
  tableName: 'agents',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    integrationId: p.uuid(),
    externalAgentId: p.string(),
    name: p.string(),
    createdAt: createdAtColumn(),
  },
});
export type Agent = InferEntity<typeof Agent>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

export const Agent = defineEntity({
  name: 'Agent',
  tableName: 'agents',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    integrationId: p.uuid(),
    externalAgentId: p.text(),
    name: p.text(),
    createdAt: createdAtColumn(),
  },
});
export type Agent = InferEntity<typeof Agent>;

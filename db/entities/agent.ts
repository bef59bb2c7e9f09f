import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

/** An ElevenLabs agent a tenant registered for monitoring; its post-call webhooks route to that tenant. */
export const Agent = defineEntity({
  name: 'Agent',
  tableName: 'agents',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    integrationId: p.uuid(),
    externalAgentId: p.text(),
    name: p.text(),
    language: p.text().nullable(),
    voiceId: p.text().nullable(),
    firstMessage: p.text().nullable(),
    tags: p.array().onCreate(() => []),
    refreshedAt: p.datetime().nullable(),
    createdAt: createdAtColumn(),
  },
});
export type Agent = InferEntity<typeof Agent>;

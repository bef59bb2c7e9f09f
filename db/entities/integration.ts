import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

/** A tenant's own provider key (bring your own key), stored only as ciphertext plus a short hint. */
export const Integration = defineEntity({
  name: 'Integration',
  tableName: 'integrations',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    provider: p.enum(['elevenlabs', 'openai', 'google'] as const),
    status: p.enum(['unverified', 'active', 'error'] as const),
    secretCiphertext: p.text().hidden(),
    secretHint: p.text(),
    lastCheckedAt: p.datetime().nullable(),
    lastError: p.text().nullable(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type Integration = InferEntity<typeof Integration>;

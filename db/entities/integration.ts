import { INTEGRATION_PROVIDERS, INTEGRATION_STATUSES } from '../../contracts/integration';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

/** A tenant's own provider key (bring your own key), stored only as ciphertext plus a short hint. */
export const Integration = defineEntity({
  name: 'Integration',
  tableName: 'integrations',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    provider: p.enum(INTEGRATION_PROVIDERS),
    status: p.enum(INTEGRATION_STATUSES),
    secretCiphertext: p.text().hidden(),
    secretHint: p.text(),
    lastCheckedAt: p.datetime().nullable(),
    lastError: p.text().nullable(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type Integration = InferEntity<typeof Integration>;

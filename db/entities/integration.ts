import { INTEGRATION_PROVIDERS, INTEGRATION_STATUSES } from '../../contracts/integration';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

/**
 * A tenant's own provider key (bring your own key), stored only as ciphertext plus a short hint, with the
 * post-call webhook secret beside it and the periodic sync's progress.
 */
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
    webhookSecretCiphertext: p.text().nullable().hidden(),
    webhookSecretHint: p.text().nullable(),
    /** The last segment of the tenant's webhook URL. */
    webhookToken: p.text(),
    checkDetail: p.json<{ tier?: string | null; limitations?: string[] }>().nullable(),
    lastCheckedAt: p.datetime().nullable(),
    lastError: p.text().nullable(),
    syncWatermark: p.datetime().nullable(),
    lastSyncedAt: p.datetime().nullable(),
    lastSyncError: p.text().nullable(),
    lastSyncFound: p.integer().default(0),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type Integration = InferEntity<typeof Integration>;

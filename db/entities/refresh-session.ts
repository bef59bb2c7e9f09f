import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

/** One refresh token; tokens rotated from the same login share a family so reuse can revoke them all. */
export const RefreshSession = defineEntity({
  name: 'RefreshSession',
  tableName: 'refresh_sessions',
  properties: {
    id: idColumn(),
    userId: p.uuid(),
    tenantId: p.uuid().nullable(),
    familyId: p.uuid(),
    tokenHash: p.text().hidden(),
    expiresAt: p.datetime(),
    rotatedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    createdAt: createdAtColumn(),
  },
});
export type RefreshSession = InferEntity<typeof RefreshSession>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

export const AuditLog = defineEntity({
  name: 'AuditLog',
  tableName: 'audit_log',
  properties: {
    id: idColumn(),
    tenantId: p.uuid().nullable(),
    actorUserId: p.uuid().nullable(),
    actorRole: p.string().nullable(),
    action: p.string(),
    targetType: p.string(),
    targetId: p.string().nullable(),
    details: p.json<Record<string, unknown>>().default('{}'),
    createdAt: createdAtColumn(),
  },
});
export type AuditLog = InferEntity<typeof AuditLog>;

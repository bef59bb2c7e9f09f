import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

export const AuditLog = defineEntity({
  name: 'AuditLog',
  tableName: 'audit_log',
  properties: {
    id: idColumn(),
    tenantId: p.uuid().nullable(),
    actorUserId: p.uuid().nullable(),
    actorRole: p.text().nullable(),
    action: p.text(),
    targetType: p.text(),
    targetId: p.text().nullable(),
    details: p.json<Record<string, unknown>>().onCreate(() => ({})),
    createdAt: createdAtColumn(),
  },
});
export type AuditLog = InferEntity<typeof AuditLog>;

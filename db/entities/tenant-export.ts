import { TENANT_EXPORT_STATUSES } from '../../contracts/tenant-export';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

/** A tenant data export; it outlives the tenant's rows (no cascade) until it expires. */
export const TenantExport = defineEntity({
  name: 'TenantExport',
  tableName: 'tenant_exports',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    status: p.enum(TENANT_EXPORT_STATUSES),
    tablesDone: p.integer().default(0),
    tablesTotal: p.integer().default(0),
    fileCount: p.integer().nullable(),
    bytes: p.bigint('number').nullable(),
    storageKey: p.text().nullable(),
    downloadTokenHash: p.text().nullable().hidden(),
    expiresAt: p.datetime(),
    requestedBy: p.uuid().nullable(),
    workflowId: p.text(),
    error: p.text().nullable(),
    createdAt: createdAtColumn(),
    finishedAt: p.datetime().nullable(),
  },
});
export type TenantExport = InferEntity<typeof TenantExport>;

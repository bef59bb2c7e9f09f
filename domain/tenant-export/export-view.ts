import type { TenantExportView } from '../../contracts/tenant-export';
import type { TenantExport } from '../../db/entities';
import { downloadTokenFor } from './download-token';

/** Whether the link still works: ready, and its retention not over (the cleanup may not have run yet). */
export const isDownloadable = (row: TenantExport, now: Date): boolean =>
  row.status === 'ready' && row.expiresAt.getTime() > now.getTime();

/** The export as the API shows it to those who may see it; the link (with its token) only while it works. */
export function toExportView(row: TenantExport, tokenKey: Uint8Array | null, now: Date): TenantExportView {
  return {
    id: row.id,
    tenantId: row.tenantId,
    status: row.status === 'ready' && !isDownloadable(row, now) ? 'expired' : row.status,
    tablesDone: row.tablesDone,
    tablesTotal: row.tablesTotal,
    files: row.fileCount ?? null,
    bytes: row.bytes ?? null,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    downloadUrl:
      tokenKey && isDownloadable(row, now)
        ? `/api/exports/${row.id}/download?token=${downloadTokenFor(tokenKey, row.id)}`
        : null,
    workflowId: row.workflowId,
  };
}

import { z } from 'zod';

/**
 * A tenant data export (GDPR Art. 15/20): requested → running → ready, or failed; a ready export is expired once
 * its retention passed (the archive deleted, the link answers 410).
 */
export const TENANT_EXPORT_STATUSES = ['requested', 'running', 'ready', 'failed', 'expired'] as const;
export type TenantExportStatus = (typeof TENANT_EXPORT_STATUSES)[number];

/** Where a run is: reading the tables, writing the archive, or finished. */
export const TENANT_EXPORT_STEPS = ['planning', 'tables', 'archive', 'done', 'failed'] as const;
export type TenantExportStep = (typeof TENANT_EXPORT_STEPS)[number];

export const TenantExportView = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    status: z.enum(TENANT_EXPORT_STATUSES),
    /** Tables written so far, of all the export reads (0 of 0 before the run planned them). */
    tablesDone: z.int(),
    tablesTotal: z.int(),
    /** JSON files in the archive and its size in bytes, once ready. */
    files: z.int().nullable(),
    bytes: z.int().nullable(),
    /** When the download link stops working (410) and the archive is deleted. */
    expiresAt: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    /** The link to the ZIP while the export is ready and not expired; it carries its own token. */
    downloadUrl: z.string().nullable(),
    workflowId: z.string(),
  })
  .meta({ id: 'TenantExportView' });
export type TenantExportView = z.infer<typeof TenantExportView>;

export const TenantExportList = z.object({ items: z.array(TenantExportView) }).meta({ id: 'TenantExportList' });
export type TenantExportList = z.infer<typeof TenantExportList>;

/** How long the archive is kept (default TENANT_EXPORT_RETENTION). */
export const RequestTenantExportBody = z.strictObject({ retentionDays: z.int().min(1).max(30).optional() });
export type RequestTenantExportBody = z.infer<typeof RequestTenantExportBody>;

export const TenantExportParams = z.strictObject({ exportId: z.uuid() });
export const TenantExportDownloadQuery = z.strictObject({ token: z.string().min(20).max(100) });

/** What the export workflow's progress query answers. */
export interface TenantExportProgress {
  step: TenantExportStep;
  tablesDone: number;
  tablesTotal: number;
}

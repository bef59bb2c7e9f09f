/**
 * Where an export lives in the blob store (the recordings store, domain/conversations/audio-store.ts): under
 * `exports/`, beside and never inside a tenant's folder, so deleting a tenant's recordings leaves its export.
 */
export const exportArchiveKey = (exportId: string): string => `exports/${exportId}.zip`;

/** The folder of a run's pieces, removed as a whole once the archive is stored or the run failed. */
export const exportPartsPrefix = (exportId: string): string => `exports/${exportId}/parts/`;

/** One deflated piece of one table's file, written by one activity and overwritten when it runs again. */
export const exportPartKey = (exportId: string, file: string, seq: number): string =>
  `${exportPartsPrefix(exportId)}${file}.${seq}.deflate`;

/** The export workflow's id, as the offboarding workflow and the API address it. */
export const tenantExportWorkflowId = (exportId: string): string => `tenant-export-${exportId}`;

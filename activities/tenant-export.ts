import type { Orm } from '../db/orm';
import type { AudioStore } from '../domain/conversations/audio-store';
import { assembleExportArchive, markExportReady } from '../domain/tenant-export/assemble-export';
import { expireTenantExport } from '../domain/tenant-export/expire-export';
import type { ExportFileState } from '../domain/tenant-export/export-run';
import { failExportRun } from '../domain/tenant-export/fail-export-run';
import { startExportRun } from '../domain/tenant-export/start-export-run';
import { writeExportBatch } from '../domain/tenant-export/write-export-batch';
import { domainCall } from './domain-failure';

export interface TenantExportActivityDeps {
  orm: Orm;
  /** The blob store archives are kept in (the recordings store, under `exports/`). */
  audio: AudioStore;
  /** Derives the download link's token (domain/tenant-export/download-token.ts), the same key as the API's. */
  exportTokenKey: Uint8Array;
  /** The default retention of an export (TENANT_EXPORT_RETENTION), for requests made from the worker. */
  exportRetentionMs: number;
}

interface ExportRef {
  exportId: string;
  tenantId: string;
}

/**
 * The steps of `exportTenant` and `expireTenantExport`; the domain reads and writes, each step may repeat: a batch
 * overwrites its own piece, assembling keeps an archive already complete, marking ready or expired keeps the first.
 */
export function createTenantExportActivities(deps: TenantExportActivityDeps) {
  return {
    async startTenantExport(input: ExportRef): Promise<{ files: string[] }> {
      return domainCall(() => startExportRun(deps, input));
    },

    async exportTableBatch(
      input: ExportRef & { state: ExportFileState; tableIndex: number; batchRows: number },
    ): Promise<ExportFileState & { rows: number }> {
      return domainCall(() => writeExportBatch(deps, input));
    },

    async assembleTenantExport(
      input: ExportRef & { files: ExportFileState[] },
    ): Promise<{ files: number; bytes: number; expiresAt: string }> {
      const archive = await domainCall(() => assembleExportArchive(deps, input));
      const { expiresAt } = await domainCall(() => markExportReady(deps, { ...input, ...archive }));
      return { ...archive, expiresAt };
    },

    async failTenantExport(input: ExportRef & { reason: string }): Promise<void> {
      await domainCall(() => failExportRun(deps, input));
    },

    async expireTenantExport(input: ExportRef): Promise<{ expired: boolean; remainingMs: number }> {
      return domainCall(() => expireTenantExport(deps, input));
    },
  };
}

export type TenantExportActivities = ReturnType<typeof createTenantExportActivities>;

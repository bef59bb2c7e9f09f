import type { Orm } from '../../db/orm';
import type { AudioStore } from '../conversations/audio-store';

/** How the API starts an export's workflow without knowing Temporal (temporal/tenant-export-client.ts). */
export interface TenantExportWorkflows {
  /** Starts `exportTenant` as `tenant-export-<exportId>`; starting it again runs nothing new. */
  start(input: { exportId: string; tenantId: string }): Promise<{ workflowId: string }>;
}

/**
 * What the export use cases share: the database, the blob store, the link's key and the default retention. The
 * names are the worker's activity dependencies' (activities/tenant-export.ts), so a use case called from another
 * activity (offboarding) finds them in the same object.
 */
export interface TenantExportDeps {
  orm: Orm;
  /** The recordings store; archives go under `exports/` (export-keys.ts). */
  audio: AudioStore;
  /** Derives download tokens (download-token.ts `exportTokenKey`). */
  exportTokenKey: Uint8Array;
  /** How long a ready archive is kept when the request names no retention (TENANT_EXPORT_RETENTION). */
  exportRetentionMs: number;
  now?: () => Date;
}

/** Seven days, when a caller's dependencies do not say (TENANT_EXPORT_RETENTION's default). */
export const DEFAULT_EXPORT_RETENTION_MS = 7 * 86_400_000;

import {
  ApplicationFailure,
  defineQuery,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
} from '@temporalio/workflow';
import type { TenantExportActivities } from '../activities/tenant-export';
import type { TenantExportProgress } from '../contracts/tenant-export';
import { EXPORT_BATCH_ROWS, freshFileState, type ExportFileState } from '../domain/tenant-export/export-run';
import { TenantIdAttribute } from '../temporal/search-attributes';

export interface ExportTenantInput {
  exportId: string;
  tenantId: string;
}

export interface ExportTenantResult {
  exportId: string;
  files: number;
  bytes: number;
}

/** Where the run is: its step and how many of the planned tables are written. */
export const exportProgressQuery = defineQuery<TenantExportProgress>('exportProgress');

/** The run that deletes a ready export's archive once its retention is over. */
export const tenantExportExpiryWorkflowId = (exportId: string) => `tenant-export-expiry-${exportId}`;

// Bounded: reading a page and storing a piece take seconds; outages get a few minutes, refusals fail at once.
const { startTenantExport, exportTableBatch, assembleTenantExport, failTenantExport } =
  proxyActivities<TenantExportActivities>({
    startToCloseTimeout: '2 minutes',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 8 },
  });

const { expireTenantExport } = proxyActivities<TenantExportActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 20 },
});

/**
 * A tenant's data export (`tenant-export-<exportId>`): plans the files (the tables this database has), writes each
 * table in batches — one activity per page of rows, so progress moves and nothing holds a large tenant's rows at
 * once — then joins the pieces into `exports/<exportId>.zip` and marks the export ready. Offboarding runs it as
 * a child before deleting the tenant. On failure the export is marked failed and the run fails.
 * The expiry is left to a child run of its own that outlives this one, so this run ends when the archive is ready.
 */
export async function exportTenant(input: ExportTenantInput): Promise<ExportTenantResult> {
  const { exportId, tenantId } = input;
  const progress: TenantExportProgress = { step: 'planning', tablesDone: 0, tablesTotal: 0 };
  setHandler(exportProgressQuery, () => progress);
  const files: ExportFileState[] = [];
  try {
    const plan = await startTenantExport({ exportId, tenantId });
    progress.step = 'tables';
    progress.tablesTotal = plan.files.length;
    for (const [tableIndex, file] of plan.files.entries()) {
      let state = freshFileState(file);
      files.push(state);
      while (!state.done) {
        const { rows: _rows, ...next } = await exportTableBatch({
          exportId,
          tenantId,
          state,
          tableIndex,
          batchRows: EXPORT_BATCH_ROWS,
        });
        state = next;
        files[tableIndex] = state;
      }
      progress.tablesDone = tableIndex + 1;
    }
    progress.step = 'archive';
    const archive = await assembleTenantExport({ exportId, tenantId, files });
    progress.step = 'done';
    await startChild(tenantExportExpiry, {
      workflowId: tenantExportExpiryWorkflowId(exportId),
      args: [{ exportId, tenantId, expiresAt: archive.expiresAt }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      typedSearchAttributes: [{ key: TenantIdAttribute, value: tenantId }],
    });
    return { exportId, files: archive.files, bytes: archive.bytes };
  } catch (error) {
    progress.step = 'failed';
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
    await failTenantExport({ exportId, tenantId, reason: reason || 'The export failed' });
    throw ApplicationFailure.create({ message: `Export ${exportId} failed: ${reason}`, nonRetryable: true });
  }
}

/**
 * Waits until the export's retention is over, then deletes its archive and marks it expired. The activity checks
 * the row's own expiry, so a retention changed meanwhile is followed rather than the timer.
 */
export async function tenantExportExpiry(input: {
  exportId: string;
  tenantId: string;
  expiresAt: string;
}): Promise<'expired' | 'not_ready'> {
  let waitMs = Date.parse(input.expiresAt) - Date.now();
  for (;;) {
    if (waitMs > 0) await sleep(waitMs);
    const outcome = await expireTenantExport({ exportId: input.exportId, tenantId: input.tenantId });
    if (outcome.expired) return 'expired';
    if (outcome.remainingMs <= 0) return 'not_ready';
    waitMs = outcome.remainingMs;
  }
}

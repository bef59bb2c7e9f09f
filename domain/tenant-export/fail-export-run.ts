import { TenantExport } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { AudioStore } from '../conversations/audio-store';
import { auditExport } from './audit-export';
import { exportPartsPrefix } from './export-keys';

/**
 * The run gave up: the export is failed (with the reason, audited) and its folder of pieces is deleted, also a
 * piece whose batch wrote it but did not answer.
 */
export async function failExportRun(
  deps: { orm: Orm; audio: AudioStore },
  input: { exportId: string; tenantId: string; reason: string },
): Promise<void> {
  await deps.audio.removePrefix(exportPartsPrefix(input.exportId));
  await inScope(deps.orm, { tenantId: input.tenantId }, async (em) => {
    const row = await em.findOne(TenantExport, { id: input.exportId, tenantId: input.tenantId });
    if (!row || row.status === 'failed' || row.status === 'ready' || row.status === 'expired') return;
    row.status = 'failed';
    row.error = input.reason.slice(0, 500);
    row.finishedAt = new Date();
    row.downloadTokenHash = null;
    await auditExport(em, { system: 'tenant-export-worker' }, 'tenant_export.failed', row, {
      reason: row.error,
    });
    await em.flush();
  });
}

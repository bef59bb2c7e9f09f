import { TenantExport } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { AudioStore } from '../conversations/audio-store';
import { auditExport } from './audit-export';
import { exportPartKey } from './export-keys';
import type { ExportFileState } from './export-run';

/** The run gave up: the export is failed (with the reason, audited) and the pieces written so far are deleted. */
export async function failExportRun(
  deps: { orm: Orm; audio: AudioStore },
  input: { exportId: string; tenantId: string; reason: string; files: ExportFileState[] },
): Promise<void> {
  for (const file of input.files) {
    for (let seq = 0; seq < file.parts; seq += 1) {
      await deps.audio.remove(exportPartKey(input.exportId, file.file, seq));
    }
  }
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

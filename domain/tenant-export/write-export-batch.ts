import { crc32 } from 'node:zlib';
import { TenantExport } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { AudioStore } from '../conversations/audio-store';
import type { Orm } from '../../db/orm';
import { exportPartKey } from './export-keys';
import type { ExportFileState } from './export-run';
import { exportTableOf, readExportPage } from './export-tables';
import { deflatePiece } from './zip';

/**
 * One batch of one table: reads the next page of the tenant's rows (tenant scope, so row-level security applies),
 * writes it as the next deflated piece of the table's JSON array and returns the file's new state. The piece's
 * key is fixed by the state it starts from, so a repeated batch overwrites its own piece. When the table is done
 * the export's progress moves on.
 */
export async function writeExportBatch(
  deps: { orm: Orm; audio: AudioStore },
  input: { exportId: string; tenantId: string; state: ExportFileState; tableIndex: number; batchRows: number },
): Promise<ExportFileState & { rows: number }> {
  const { exportId, tenantId, state } = input;
  const table = exportTableOf(state.file);
  const page = await inScope(deps.orm, { tenantId }, (em) =>
    readExportPage(em, table, { tenantId, after: state.after, limit: input.batchRows }),
  );
  const first = state.parts === 0;
  const done = page.next === null;
  const text =
    (first ? '[' : '') +
    page.rows.map((row, i) => `${first && i === 0 ? '' : ','}\n${JSON.stringify(row)}`).join('') +
    (done ? '\n]\n' : '');
  const bytes = Buffer.from(text, 'utf8');
  const piece = deflatePiece(bytes);
  await deps.audio.put(exportPartKey(exportId, state.file, state.parts), piece);

  if (done) {
    await inScope(deps.orm, { tenantId }, (em) =>
      em.nativeUpdate(
        TenantExport,
        { id: exportId, tablesDone: { $lt: input.tableIndex + 1 } },
        { tablesDone: input.tableIndex + 1 },
      ),
    );
  }
  return {
    file: state.file,
    parts: state.parts + 1,
    after: page.next ?? state.after,
    done,
    crc32: crc32(bytes, state.crc32),
    size: state.size + bytes.length,
    compressedSize: state.compressedSize + piece.length,
    rows: page.rows.length,
  };
}

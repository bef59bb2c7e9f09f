import type { Readable } from 'node:stream';
import { TenantExport } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { AudioStore } from '../conversations/audio-store';
import { AppError, notFound } from '../errors/app-error';
import { auditExport } from './audit-export';
import { downloadTokenFor, hashDownloadToken } from './download-token';
import { exportArchiveKey, exportPartKey, exportPartsPrefix } from './export-keys';
import type { ExportFileState } from './export-run';
import { DEFLATE_END, zipArchive, zipSize, type ZipEntry } from './zip';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const entryOf = (state: ExportFileState): ZipEntry => ({
  name: state.file,
  crc32: state.crc32,
  size: state.size,
  compressedSize: state.compressedSize + DEFLATE_END.length,
});

/**
 * Joins the tables' deflated pieces into the archive `exports/<exportId>.zip` and deletes the pieces. Rows are not
 * read again: the pieces are already compressed and the CRCs were carried along. An archive of the expected size
 * already there (a repeated run after the pieces were deleted) is kept.
 */
export async function assembleExportArchive(
  deps: { orm: Orm; audio: AudioStore },
  input: { exportId: string; tenantId: string; files: ExportFileState[] },
): Promise<{ files: number; bytes: number }> {
  const { exportId, tenantId, files } = input;
  if (files.some((file) => !file.done)) throw new AppError('conflict', 'Not every table of the export is written');
  const entries = files.map(entryOf);
  const bytes = zipSize(entries);
  const key = exportArchiveKey(exportId);
  if ((await deps.audio.size(key)) !== bytes) {
    const created = await inScope(deps.orm, { tenantId }, async (em) => {
      const row = await em.findOne(TenantExport, { id: exportId, tenantId });
      if (!row) throw notFound('Tenant export');
      return row.createdAt;
    });
    const bodies: Array<{ entry: ZipEntry; body: Uint8Array[] }> = [];
    for (const [index, file] of files.entries()) {
      const body: Uint8Array[] = [];
      for (let seq = 0; seq < file.parts; seq += 1) {
        const piece = await deps.audio.read(exportPartKey(exportId, file.file, seq));
        if (!piece) throw new AppError('conflict', `Piece ${seq} of ${file.file} is missing`);
        body.push(await bytesOf(piece));
      }
      body.push(DEFLATE_END);
      bodies.push({ entry: entries[index]!, body });
    }
    await deps.audio.put(key, Buffer.concat(zipArchive(bodies, created)));
  }
  await deps.audio.removePrefix(exportPartsPrefix(exportId));
  return { files: files.length, bytes };
}

/**
 * The archive is stored: the export is ready, its link (whose token's hash is stored now) works for the retention
 * it was requested with, counted from now. Repeating it keeps the first answer.
 */
export async function markExportReady(
  deps: { orm: Orm; exportTokenKey: Uint8Array; now?: () => Date },
  input: { exportId: string; tenantId: string; files: number; bytes: number },
): Promise<{ expiresAt: string }> {
  const now = deps.now?.() ?? new Date();
  return inScope(deps.orm, { tenantId: input.tenantId }, async (em) => {
    const row = await em.findOne(TenantExport, { id: input.exportId, tenantId: input.tenantId });
    if (!row) throw notFound('Tenant export');
    if (row.status === 'ready' || row.status === 'expired') return { expiresAt: row.expiresAt.toISOString() };
    const retentionMs = row.expiresAt.getTime() - row.createdAt.getTime();
    row.status = 'ready';
    row.fileCount = input.files;
    row.bytes = input.bytes;
    row.storageKey = exportArchiveKey(row.id);
    row.tablesDone = row.tablesTotal;
    row.finishedAt = now;
    row.expiresAt = new Date(now.getTime() + retentionMs);
    row.downloadTokenHash = hashDownloadToken(downloadTokenFor(deps.exportTokenKey, row.id));
    await auditExport(em, { system: 'tenant-export-worker' }, 'tenant_export.ready', row, {
      files: input.files,
      bytes: input.bytes,
      expiresAt: row.expiresAt.toISOString(),
    });
    await em.flush();
    return { expiresAt: row.expiresAt.toISOString() };
  });
}

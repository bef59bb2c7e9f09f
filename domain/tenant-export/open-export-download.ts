import type { Readable } from 'node:stream';
import { TenantExport } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { AppError, notFound } from '../errors/app-error';
import { auditExport } from './audit-export';
import { downloadTokenMatches } from './download-token';
import { exportArchiveKey } from './export-keys';
import type { TenantExportDeps } from './export-port';

/**
 * The archive behind a download link. The token is the permission (the link works without a session, also after
 * the tenant was offboarded): a wrong token answers 404 like an unknown export, so ids cannot be probed; a link
 * past its retention answers 410 whether or not the cleanup has run. Every download is audited.
 */
export async function openExportDownload(
  deps: Pick<TenantExportDeps, 'orm' | 'audio' | 'now'>,
  input: { exportId: string; token: string; actor: Actor | null },
): Promise<{ body: Readable; size: number; fileName: string }> {
  const now = deps.now?.() ?? new Date();
  // By id across tenants: the caller is whoever holds the link, so there is no tenant to scope to yet.
  const row = await inScope(deps.orm, { system: 'tenant export download by link' }, (em) =>
    em.findOne(TenantExport, { id: input.exportId }),
  );
  if (!row || !downloadTokenMatches(input.token, row.downloadTokenHash ?? null)) throw notFound('Export');
  if (row.status === 'expired' || (row.status === 'ready' && row.expiresAt.getTime() <= now.getTime())) {
    throw new AppError('gone', 'This download link has expired; request a new export');
  }
  if (row.status !== 'ready') throw new AppError('conflict', `The export is ${row.status}, not ready to download`);
  const key = row.storageKey ?? exportArchiveKey(row.id);
  const size = await deps.audio.size(key);
  if (size === null) throw new AppError('gone', 'The archive is no longer kept; request a new export');
  const body = await deps.audio.read(key);
  if (!body) throw new AppError('gone', 'The archive is no longer kept; request a new export');
  // Audited once the archive is open, so a link that finds it gone records no download.
  try {
    await inScope(deps.orm, { tenantId: row.tenantId }, async (em) => {
      const actor = input.actor ?? { system: 'download-link' };
      await auditExport(em, actor, 'tenant_export.downloaded', row, { bytes: size });
      await em.flush();
    });
  } catch (error) {
    body.destroy();
    throw error;
  }
  const day = (row.finishedAt ?? row.createdAt).toISOString().slice(0, 10);
  return { body, size, fileName: `tenant-export-${row.tenantId.slice(0, 8)}-${day}.zip` };
}

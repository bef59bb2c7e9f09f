import type { FastifyReply } from 'fastify';
import type { Actor } from '../../../domain/auth/actor';
import { openExportDownload } from '../../../domain/tenant-export/open-export-download';
import type { TenantExportDeps } from '../../../domain/tenant-export/export-port';

/** Streams an export's ZIP as an attachment; no cache keeps it (the link may expire or be shared by mistake). */
export async function sendExportArchive(
  deps: Pick<TenantExportDeps, 'orm' | 'audio'>,
  link: { exportId: string; token: string; actor: Actor | null },
  reply: FastifyReply,
) {
  const archive = await openExportDownload(deps, link);
  return reply
    .type('application/zip')
    .header('content-length', archive.size)
    .header('content-disposition', `attachment; filename="${archive.fileName}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(archive.body);
}

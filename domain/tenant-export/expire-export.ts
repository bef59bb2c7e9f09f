import { TenantExport } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { AudioStore } from '../conversations/audio-store';
import { auditExport } from './audit-export';
import { exportArchiveKey } from './export-keys';

/**
 * Ends a ready export whose retention is over: the archive is deleted and the row marked
 * expired (audited). Before its time it changes nothing and says how long is left; an export that is not ready
 * (already expired, failed) is left alone. Repeating it is harmless.
 */
export async function expireTenantExport(
  deps: { orm: Orm; audio: AudioStore; now?: () => Date },
  input: { exportId: string; tenantId: string },
): Promise<{ expired: boolean; remainingMs: number }> {
  const now = deps.now?.() ?? new Date();
  const row = await inScope(deps.orm, { tenantId: input.tenantId }, (em) =>
    em.findOne(TenantExport, { id: input.exportId, tenantId: input.tenantId }),
  );
  if (!row || row.status !== 'ready') return { expired: row?.status === 'expired', remainingMs: 0 };
  const remainingMs = row.expiresAt.getTime() - now.getTime();
  if (remainingMs > 0) return { expired: false, remainingMs };
  // The archive first: a crash after it leaves a row the next attempt completes, never an orphaned archive.
  await deps.audio.remove(row.storageKey ?? exportArchiveKey(row.id));
  await inScope(deps.orm, { tenantId: input.tenantId }, async (em) => {
    const changed = await em.nativeUpdate(
      TenantExport,
      { id: row.id, status: 'ready' },
      // The token's hash stays, so the link's holder learns it has expired (410) while other tokens still get 404.
      { status: 'expired' },
    );
    if (changed > 0) {
      await auditExport(em, { system: 'tenant-export-worker' }, 'tenant_export.expired', row, {
        expiresAt: row.expiresAt.toISOString(),
      });
      await em.flush();
    }
  });
  return { expired: true, remainingMs: 0 };
}

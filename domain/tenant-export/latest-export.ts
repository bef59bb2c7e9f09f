import type { TenantExportView } from '../../contracts/tenant-export';
import { TenantExport } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { assertCan, assertTenantAccess } from '../auth/permissions';
import { notFound } from '../errors/app-error';
import type { TenantExportDeps } from './export-port';
import { toExportView } from './export-view';

/**
 * `GET /api/tenants/:id/export`: the latest export that can still be downloaded, else the one under way, else 404.
 * A GET changes nothing, so it never starts an export: that is `POST /api/tenants/:id/exports`.
 */
export async function latestTenantExport(
  deps: Pick<TenantExportDeps, 'orm' | 'exportTokenKey' | 'now'>,
  { actor, tenantId }: { actor: Actor; tenantId: string },
): Promise<TenantExportView> {
  assertTenantAccess(actor, tenantId);
  assertCan(actor, 'tenants:export');
  const now = deps.now?.() ?? new Date();
  const row = await inScope(deps.orm, { tenantId }, async (em) => {
    const ready = await em.findOne(
      TenantExport,
      { tenantId, status: 'ready', expiresAt: { $gt: now } },
      { orderBy: { finishedAt: 'desc' } },
    );
    if (ready) return ready;
    return em.findOne(
      TenantExport,
      { tenantId, status: { $in: ['requested', 'running'] } },
      { orderBy: { createdAt: 'desc' } },
    );
  });
  if (!row) throw notFound('Export (start one with POST /api/tenants/:id/exports)');
  return toExportView(row, deps.exportTokenKey, now);
}

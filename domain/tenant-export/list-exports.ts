import type { TenantExportList } from '../../contracts/tenant-export';
import { TenantExport } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { assertCan, assertTenantAccess } from '../auth/permissions';
import type { TenantExportDeps } from './export-port';
import { toExportView } from './export-view';

/** The tenant's latest exports, newest first, with progress and (while it works) the download link. */
export async function listTenantExports(
  deps: Pick<TenantExportDeps, 'orm' | 'exportTokenKey' | 'now'>,
  { actor, tenantId }: { actor: Actor; tenantId: string },
): Promise<TenantExportList> {
  assertTenantAccess(actor, tenantId);
  assertCan(actor, 'tenants:export');
  const now = deps.now?.() ?? new Date();
  const rows = await inScope(deps.orm, { tenantId }, (em) =>
    em.find(TenantExport, { tenantId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 20 }),
  );
  return { items: rows.map((row) => toExportView(row, deps.exportTokenKey, now)) };
}

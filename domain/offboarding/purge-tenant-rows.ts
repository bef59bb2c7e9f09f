import { Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { assertOffboarding } from './assert-offboarding';
import { tenantTablesInDeleteOrder } from './tenant-tables';

/** Rows deleted per transaction: large tenants are deleted in batches, never in one long transaction. */
const BATCH = 2_000;

/** Where the rows of a table are quoted safely: its name comes from the catalog, never from input. */
const quoted = (table: string) => `"${table.replaceAll('"', '""')}"`;

/**
 * The hard delete of an offboarding tenant (GDPR Art. 17): every row of every table with a `tenant_id`, children
 * before the tables they reference, a batch per transaction; then its audit rows (they may name its people) and
 * finally the tenant row itself. What outlives it holds no personal data: the run record, the export (kept for its
 * retention period) and audit records without a tenant. Idempotent: run again, it finds nothing left to delete.
 * Returns how many rows went, by table.
 */
export async function purgeTenantRows(
  deps: { orm: Orm },
  { actor, tenantId, batchSize = BATCH }: { actor: SystemActor; tenantId: string; batchSize?: number },
): Promise<Record<string, number>> {
  const tables = await inScope(deps.orm, actor, async (em) => {
    await assertOffboarding(em, tenantId);
    return tenantTablesInDeleteOrder(em);
  });
  const deleted: Record<string, number> = {};
  for (const table of [...tables, 'audit_log']) {
    for (;;) {
      const count = await inScope(deps.orm, actor, async (em) => {
        // Checked in every batch: a tenant that is not offboarding never loses a row.
        await assertOffboarding(em, tenantId);
        const result = await em.execute(
          `delete from ${quoted(table)} where ctid in (select ctid from ${quoted(table)} where tenant_id = ? limit ?)`,
          [tenantId, batchSize],
          'run',
        );
        return (result as { affectedRows?: number }).affectedRows ?? 0;
      });
      if (count > 0) deleted[table] = (deleted[table] ?? 0) + count;
      if (count < batchSize) break;
    }
  }
  const tenants = await inScope(deps.orm, actor, (em) =>
    em.nativeDelete(Tenant, { id: tenantId, status: 'offboarding' }),
  );
  if (tenants > 0) deleted.tenants = tenants;
  return deleted;
}

import { AuditLog } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';

/**
 * The run's last step: the audit record that the tenant was offboarded. It names no one: the tenant only by its id
 * (no tenant column, which the delete emptied), the run, the export, and how many rows of each table went.
 * Written once per run, however often the step repeats.
 */
export async function recordTenantOffboarded(
  deps: { orm: Orm },
  {
    actor,
    tenantId,
    runId,
    exportId,
    deleted,
  }: { actor: SystemActor; tenantId: string; runId: string; exportId: string | null; deleted: Record<string, number> },
): Promise<void> {
  await inScope(deps.orm, actor, async (em) => {
    const recorded = await em.count(AuditLog, { action: 'tenant.offboarded', targetId: tenantId });
    if (recorded > 0) return;
    recordAudit(em, {
      actor,
      tenantId: null,
      action: 'tenant.offboarded',
      targetType: 'tenant',
      targetId: tenantId,
      details: { runId, exportId, deletedRows: deleted },
    });
    await em.flush();
  });
}

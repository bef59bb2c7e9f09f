import { randomUUID } from 'node:crypto';
import type { TenantExportView } from '../../contracts/tenant-export';
import { Tenant, TenantExport } from '../../db/entities';
import { inScope } from '../../db/scope';
import { isSystemActor, type Actor, type SystemActor } from '../auth/actor';
import { assertCan, assertTenantAccess } from '../auth/permissions';
import { AppError, notFound } from '../errors/app-error';
import { auditExport } from './audit-export';
import { tenantExportWorkflowId } from './export-keys';
import { DEFAULT_EXPORT_RETENTION_MS, type TenantExportDeps, type TenantExportWorkflows } from './export-port';
import { toExportView } from './export-view';

const DAY_MS = 86_400_000;

/**
 * Records a tenant data export and starts its workflow (`exportTenant`, `tenant-export-<exportId>`) through the
 * port. A platform admin may export any tenant, a customer admin their own (another tenant is 404); a system actor
 * (offboarding) any. While an export of the tenant is requested or running, a person's request joins it.
 *
 * Without `workflows` (the offboarding run, which runs `exportTenant` as its own child) the row is only written,
 * always a new one, and the caller starts the workflow with the returned id. The download token's hash is written
 * when the archive is ready (mark-export-ready in assemble-export.ts), so only the database and the orm are needed.
 */
export async function requestTenantExport(
  deps: Pick<TenantExportDeps, 'orm' | 'now'> &
    Partial<Pick<TenantExportDeps, 'exportRetentionMs' | 'exportTokenKey'>> & { workflows?: TenantExportWorkflows },
  input: { actor: Actor | SystemActor; tenantId: string; retentionDays?: number },
): Promise<TenantExportView> {
  const { actor, tenantId } = input;
  if (!isSystemActor(actor)) {
    assertTenantAccess(actor, tenantId);
    assertCan(actor, 'tenants:export');
  }
  const now = deps.now?.() ?? new Date();
  const retentionMs =
    input.retentionDays !== undefined
      ? input.retentionDays * DAY_MS
      : (deps.exportRetentionMs ?? DEFAULT_EXPORT_RETENTION_MS);
  const { row, created } = await inScope(deps.orm, { tenantId }, async (em) => {
    if ((await em.count(Tenant, { id: tenantId })) === 0) throw notFound('Tenant');
    if (deps.workflows) {
      const running = await em.findOne(
        TenantExport,
        { tenantId, status: { $in: ['requested', 'running'] } },
        { orderBy: { createdAt: 'desc' } },
      );
      if (running) return { row: running, created: false };
    }
    const id = randomUUID();
    const row = em.create(TenantExport, {
      id,
      tenantId,
      status: 'requested',
      // Provisional: when the archive is ready the retention counts again from then (mark-export-ready.ts).
      expiresAt: new Date(now.getTime() + retentionMs),
      createdAt: now,
      requestedBy: isSystemActor(actor) ? null : actor.userId,
      workflowId: tenantExportWorkflowId(id),
    });
    await auditExport(em, actor, 'tenant_export.requested', row, { retentionMs });
    await em.flush();
    return { row, created: true };
  });

  // After the commit: the workflow's first activity reads the row.
  if (created && deps.workflows) {
    try {
      await deps.workflows.start({ exportId: row.id, tenantId });
    } catch (error) {
      await inScope(deps.orm, { tenantId }, async (em) => {
        await em.nativeUpdate(
          TenantExport,
          { id: row.id },
          { status: 'failed', error: 'The export could not be started', finishedAt: new Date() },
        );
        await auditExport(em, actor, 'tenant_export.failed', row, { reason: 'workflow_start_failed' });
        await em.flush();
      });
      throw new AppError('unavailable', 'The export could not be started; try again shortly', { cause: error });
    }
  }
  return toExportView(row, deps.exportTokenKey ?? null, now);
}

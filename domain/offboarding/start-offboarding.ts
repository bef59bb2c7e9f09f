import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { OffboardingRunView } from '../../contracts/offboarding';
import { OffboardingRun, RefreshSession, Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { AppError, notFound } from '../errors/app-error';
import { applyTenantTransition } from '../tenants/record-tenant-transition';
import { offboardingWorkflowId, type OffboardingWorkflows } from './offboarding-port';
import { toOffboardingRunView } from './offboarding-run-view';

/**
 * A platform admin offboards a tenant (`DELETE /api/tenants/:id`). In one transaction the tenant becomes
 * `offboarding` (sign-in, sessions and calls end at once), the run record is written and its workflow started, so
 * a start that fails changes nothing. A run that is under way or finished answers 409; one that failed is resumed
 * (every step is safe to repeat). The start is audited without the tenant id, so the record outlives the delete.
 */
export async function startOffboarding(
  deps: { orm: Orm; offboarding?: OffboardingWorkflows },
  { actor, tenantId }: { actor: Actor; tenantId: string },
): Promise<OffboardingRunView> {
  assertCan(actor, 'tenants:offboard');
  const workflows = deps.offboarding;
  if (!workflows) throw new AppError('unavailable', 'Offboarding is not wired in this process');
  const run = await inScope(deps.orm, scopeOf(actor), async (em) => {
    const tenant = await em.findOne(Tenant, { id: tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const existing = await em.findOne(OffboardingRun, { tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (existing && existing.status !== 'error') {
      throw new AppError('conflict', `The organisation is already being offboarded (${existing.status})`);
    }
    if (!existing && !tenant) throw notFound('Tenant');
    let record = existing;
    if (!record) {
      applyTenantTransition(em, actor, tenant!, { to: 'offboarding', cause: 'offboard' });
      await em.nativeUpdate(RefreshSession, { tenantId, revokedAt: null }, { revokedAt: new Date() });
      record = em.create(OffboardingRun, {
        id: randomUUID(),
        tenantId,
        status: 'running',
        workflowId: offboardingWorkflowId(tenantId),
        requestedBy: actor.userId,
      });
    } else {
      Object.assign(record, { status: 'running', error: null, finishedAt: null });
    }
    recordAudit(em, {
      actor,
      // Not the tenant's: its rows are deleted by the run, this record stays.
      tenantId: null,
      action: existing ? 'tenant.offboarding_resumed' : 'tenant.offboarding_started',
      targetType: 'tenant',
      targetId: tenantId,
      details: { runId: record.id },
    });
    await em.flush();
    await workflows.start({ tenantId, runId: record.id });
    return record;
  });
  return toOffboardingRunView(run, workflows.link(run.workflowId));
}

import type { TenantStatus } from '../../contracts/tenant-status';
import type { Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import { recordTransitionAudit } from '../audit/record-audit';
import type { Actor, SystemActor } from '../auth/actor';
import { lockTenant } from './lock-tenant';
import { transitionTenant, type TenantTransitionCause } from './tenant-lifecycle';

export interface TenantTransitionChange {
  to: TenantStatus;
  cause: TenantTransitionCause;
  /** Why (required to suspend); kept in the audit record. */
  reason?: string;
  /** What else the change did (e.g. how many sessions it ended), added to the audit record. */
  details?: Record<string, unknown>;
}

/**
 * The one place a tenant's status is written: validates the change against the lifecycle table, sets the status
 * (and, on verification, `verifiedAt` and the final onboarding step) and records the `tenant.transition` audit
 * row, all inside the caller's transaction. The caller locks the tenant (lockTenant) and flushes.
 */
export function applyTenantTransition(
  em: ScopedEm,
  actor: Actor | SystemActor | null,
  tenant: Tenant,
  change: TenantTransitionChange,
): void {
  const record = transitionTenant(tenant, change.to, change.cause, change.reason);
  tenant.status = record.status;
  if (record.verifies) {
    tenant.verifiedAt ??= new Date();
    tenant.onboardingStep = 'active';
  }
  recordTransitionAudit(em, actor, record, change.details);
}

/**
 * A tenant's status change in its own transaction, for the worker (under its system actor). A tenant already in
 * the target status is left alone ('unchanged'): Temporal may run an activity again after its first attempt
 * committed. 404 (AppError not_found) when the tenant is gone.
 */
export async function recordTenantTransition(
  orm: Orm,
  actor: SystemActor,
  tenantId: string,
  change: TenantTransitionChange,
): Promise<'changed' | 'unchanged'> {
  return inScope(orm, actor, async (em) => {
    const tenant = await lockTenant(em, tenantId);
    if (tenant.status === change.to) return 'unchanged';
    applyTenantTransition(em, actor, tenant, change);
    await em.flush();
    return 'changed';
  });
}

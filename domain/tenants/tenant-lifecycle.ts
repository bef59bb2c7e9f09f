import type { TenantStatus } from '../../contracts/tenant-status';
import { AppError } from '../errors/app-error';
import { allowsTransition, type TransitionRule } from '../transition-rule';

/**
 * Every status change a tenant may make, by its cause: the status it leads to and the statuses it may leave.
 * A tenant is created `pending_verification` (insert-tenant.ts); one that never verifies is deleted, not moved
 * (remove-pending-tenant.ts). API use cases and the onboarding worker change it only through record-tenant-transition.ts.
 */
export const TENANT_TRANSITIONS = {
  /** Worker: onboarding activates the tenant once its email is verified (the link, or an admin by hand). */
  verified: { from: ['pending_verification'], to: 'active' },
  /** API: a platform admin suspends the tenant (`POST /api/tenants/:id/deactivate`); a reason is required. */
  suspend: { from: ['active'], to: 'suspended' },
  /** API: a platform admin lifts the suspension (`POST /api/tenants/:id/reactivate`). */
  reactivate: { from: ['suspended'], to: 'active' },
  /** API: a platform admin offboards the tenant (`DELETE /api/tenants/:id`); one-way, no cause leaves it. */
  offboard: { from: ['active', 'suspended'], to: 'offboarding' },
} as const satisfies Record<string, TransitionRule<TenantStatus>>;

export type TenantTransitionCause = keyof typeof TENANT_TRANSITIONS;

export const TENANT_TRANSITION_CAUSES = Object.keys(TENANT_TRANSITIONS) as TenantTransitionCause[];

/** Causes that must say why (kept in the audit record). */
const NEEDS_REASON: readonly TenantTransitionCause[] = ['suspend'];

/** A status change the table does not allow: 409 at the API, a non-retryable failure in the worker. */
export class InvalidTenantTransitionError extends AppError {
  constructor(
    readonly from: TenantStatus,
    readonly to: TenantStatus,
    readonly transitionCause: TenantTransitionCause,
  ) {
    super('conflict', `The organisation is ${from}; it cannot become ${to}`);
    this.name = 'InvalidTenantTransitionError';
  }
}

export interface TenantTransitionRecord {
  action: 'tenant.transition';
  targetType: 'tenant';
  targetId: string;
  tenantId: string;
  details: { from: TenantStatus; to: TenantStatus; cause: TenantTransitionCause; reason?: string };
  /** What the tenant row becomes; `verifies` also stamps `verifiedAt` and finishes the onboarding step. */
  status: TenantStatus;
  verifies: boolean;
}

export const canTransitionTenant = (from: TenantStatus, to: TenantStatus, cause: TenantTransitionCause): boolean =>
  allowsTransition<TenantStatus>(TENANT_TRANSITIONS[cause], from, to);

/**
 * Validates one status change of a tenant and returns what to write: the audit record and the row's new status.
 * Pure: the caller writes it (record-tenant-transition.ts).
 */
export function transitionTenant(
  tenant: { id: string; status: TenantStatus },
  to: TenantStatus,
  cause: TenantTransitionCause,
  reason?: string,
): TenantTransitionRecord {
  if (!canTransitionTenant(tenant.status, to, cause)) throw new InvalidTenantTransitionError(tenant.status, to, cause);
  if (NEEDS_REASON.includes(cause) && !reason) {
    throw new AppError('bad_request', `A tenant's ${cause} needs a reason`);
  }
  return {
    action: 'tenant.transition',
    targetType: 'tenant',
    targetId: tenant.id,
    tenantId: tenant.id,
    details: { from: tenant.status, to, cause, ...(reason ? { reason } : {}) },
    status: to,
    verifies: cause === 'verified',
  };
}

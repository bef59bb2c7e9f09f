import type { TenantStatus } from '../../contracts/tenant-status';

/**
 * Every status change a tenant may make. Activation is the onboarding workflow's (after verification); removal of
 * an unverified tenant deletes the row rather than changing its status. Suspension is reversible, offboarding not.
 */
const TRANSITIONS: Record<TenantStatus, readonly TenantStatus[]> = {
  pending_verification: ['active'],
  active: ['suspended', 'offboarding'],
  suspended: ['active', 'offboarding'],
  offboarding: [],
};

export const canTransition = (from: TenantStatus, to: TenantStatus): boolean => TRANSITIONS[from].includes(to);

/** Provider webhooks are only honoured for tenants that finished onboarding and are in good standing. */
export const tenantAcceptsWebhooks = (tenant: { status: TenantStatus; verifiedAt?: Date | null }): boolean =>
  tenant.status === 'active' && (tenant.verifiedAt ?? null) !== null;

/** New bots (and the provider resources they hold) only for tenants that confirmed their email and are active. */
export const tenantMayAddBots = tenantAcceptsWebhooks;

/** A suspended or offboarding tenant's users have no session: tokens stop working at their next request. */
export const tenantAllowsSessions = (status: TenantStatus): boolean =>
  status !== 'suspended' && status !== 'offboarding';

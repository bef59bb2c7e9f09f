import type { TenantStatus } from '../../contracts/tenant-status';

// What a tenant's status allows; the changes of status are the table in tenant-lifecycle.ts.

/** Provider webhooks are only honoured for tenants that finished onboarding and are in good standing. */
export const tenantAcceptsWebhooks = (tenant: { status: TenantStatus; verifiedAt?: Date | null }): boolean =>
  tenant.status === 'active' && (tenant.verifiedAt ?? null) !== null;

/** New bots (and the provider resources they hold) only for tenants that confirmed their email and are active. */
export const tenantMayAddBots = tenantAcceptsWebhooks;

/** A suspended or offboarding tenant's users have no session: tokens stop working at their next request. */
export const tenantAllowsSessions = (status: TenantStatus): boolean =>
  status !== 'suspended' && status !== 'offboarding';

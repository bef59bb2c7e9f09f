export const TENANT_STATUSES = ['pending_verification', 'active', 'suspended', 'offboarding'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

/** Provider webhooks are only honoured for tenants that finished onboarding and are in good standing. */
export const tenantAcceptsWebhooks = (tenant: { status: TenantStatus; verifiedAt: Date | null }): boolean =>
  tenant.status === 'active' && tenant.verifiedAt !== null;

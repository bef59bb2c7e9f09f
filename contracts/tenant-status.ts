export const TENANT_STATUSES = ['pending_verification', 'active', 'suspended', 'offboarding'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

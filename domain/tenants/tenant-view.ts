import type { Tenant } from '../../db/entities/tenant';

export interface TenantView {
  id: string;
  name: string;
  slug: string;
  status: Tenant['status'];
  onboardingStep: string;
  contactEmail: string;
  verifiedAt: string | null;
  createdAt: string;
}

export const toTenantView = (tenant: Tenant): TenantView => ({
  id: tenant.id,
  name: tenant.name,
  slug: tenant.slug,
  status: tenant.status,
  onboardingStep: tenant.onboardingStep,
  contactEmail: tenant.contactEmail,
  verifiedAt: tenant.verifiedAt?.toISOString() ?? null,
  createdAt: tenant.createdAt.toISOString(),
});

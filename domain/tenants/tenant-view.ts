import type { TenantView } from '../../contracts/tenants';
import type { Tenant } from '../../db/entities/tenant';

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

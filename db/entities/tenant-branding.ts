import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { updatedAtColumn } from './columns';

/**
 * A tenant's white-label branding. Each image is an https URL or uploaded bytes (lazy: loaded only when an asset
 * is served, never for a view) with their checked content type, digest and size.
 */
export const TenantBranding = defineEntity({
  name: 'TenantBranding',
  tableName: 'tenant_branding',
  properties: {
    tenantId: p.uuid().primary(),
    dashboardTitle: p.text().nullable(),
    primaryColor: p.text().nullable(),
    logoUrl: p.text().nullable(),
    logoContentType: p.text().nullable(),
    logoData: p.blob().nullable().lazy().hidden(),
    logoDigest: p.text().nullable(),
    logoSize: p.integer().nullable(),
    faviconUrl: p.text().nullable(),
    faviconContentType: p.text().nullable(),
    faviconData: p.blob().nullable().lazy().hidden(),
    faviconDigest: p.text().nullable(),
    faviconSize: p.integer().nullable(),
    updatedAt: updatedAtColumn(),
  },
});
export type TenantBranding = InferEntity<typeof TenantBranding>;

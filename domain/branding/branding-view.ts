import type { BrandingAsset, BrandingImageView, BrandingView, PublicBranding } from '../../contracts/branding';
import type { TenantBranding } from '../../db/entities';

/** Where browsers load an uploaded image: the public asset route, its digest in the URL so a new upload is a new URL. */
export const brandingAssetPath = (tenantSlug: string, asset: BrandingAsset, digest: string): string =>
  `/api/branding/assets/${tenantSlug}/${asset}?v=${digest.slice(0, 16)}`;

/** The columns of one image: a URL, or uploaded bytes with their type, digest and size. */
export const imageColumns = (asset: BrandingAsset) =>
  asset === 'logo'
    ? ({ url: 'logoUrl', data: 'logoData', type: 'logoContentType', digest: 'logoDigest', size: 'logoSize' } as const)
    : ({
        url: 'faviconUrl',
        data: 'faviconData',
        type: 'faviconContentType',
        digest: 'faviconDigest',
        size: 'faviconSize',
      } as const);

function imageView(branding: TenantBranding | null, tenantSlug: string, asset: BrandingAsset) {
  if (!branding) return null;
  const columns = imageColumns(asset);
  const url = branding[columns.url];
  if (url) return { source: 'url', url, contentType: null, bytes: null } satisfies BrandingImageView;
  const digest = branding[columns.digest];
  if (!digest) return null;
  return {
    source: 'upload',
    url: brandingAssetPath(tenantSlug, asset, digest),
    contentType: branding[columns.type] ?? null,
    bytes: branding[columns.size] ?? null,
  } satisfies BrandingImageView;
}

/** A tenant's branding as its admins see it; a tenant that never saved any has the defaults (all null). */
export function toBrandingView(tenant: { id: string; slug: string }, branding: TenantBranding | null): BrandingView {
  return {
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    dashboardTitle: branding?.dashboardTitle ?? null,
    primaryColor: branding?.primaryColor ?? null,
    logo: imageView(branding, tenant.slug, 'logo'),
    favicon: imageView(branding, tenant.slug, 'favicon'),
    updatedAt: branding?.updatedAt.toISOString() ?? null,
  };
}

/** The branding alone, for anyone: no tenant id, name, status or anything else of the tenant. */
export function toPublicBranding(tenantSlug: string, branding: TenantBranding | null): PublicBranding {
  return {
    dashboardTitle: branding?.dashboardTitle ?? null,
    primaryColor: branding?.primaryColor ?? null,
    logoUrl: imageView(branding, tenantSlug, 'logo')?.url ?? null,
    faviconUrl: imageView(branding, tenantSlug, 'favicon')?.url ?? null,
  };
}

/**
 * The white-label vocabulary without zod (the web app may import its values): assets, their content types and
 * limits, and how a host or a `?tenant=` names a tenant. contracts/branding.ts builds the schemas on it.
 */

export const BRANDING_ASSETS = ['logo', 'favicon'] as const;
export type BrandingAsset = (typeof BRANDING_ASSETS)[number];

export const LOGO_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'] as const;
export const FAVICON_CONTENT_TYPES = ['image/png', 'image/svg+xml', 'image/webp', 'image/x-icon'] as const;
export type ImageContentType = (typeof LOGO_CONTENT_TYPES)[number] | (typeof FAVICON_CONTENT_TYPES)[number];

/** The content types each asset may be uploaded as. */
export const ASSET_CONTENT_TYPES: Record<BrandingAsset, readonly ImageContentType[]> = {
  logo: LOGO_CONTENT_TYPES,
  favicon: FAVICON_CONTENT_TYPES,
};

/** Upload limits in bytes (the database checks them too). */
export const MAX_ASSET_BYTES: Record<BrandingAsset, number> = { logo: 512 * 1024, favicon: 64 * 1024 };

export const MAX_DASHBOARD_TITLE_LENGTH = 60;

/** A primary colour as `#rrggbb` (stored lowercase). */
export const PRIMARY_COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
export const MAX_BRANDING_URL_LENGTH = 2048;

/** The header a client may send to name the tenant it means (narrowing only, never widening a session's reach). */
export const TENANT_SLUG_HEADER = 'x-tenant-slug';

/** A tenant slug (the same rule as `Slug` in contracts/tenants.ts). */
export const TENANT_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
/** Subdomains that name the product itself, not a tenant. */
const NOT_TENANTS = new Set(['www']);

/**
 * The tenant slug of a host `<slug>.<baseDomain>` (port, case and a trailing dot ignored), or null for any other
 * host. The API (domain/tenants/resolve-tenant-hint.ts) and the web's sign-in page read hosts by this one rule.
 */
export function subdomainSlug(host: string | null | undefined, baseDomain: string | null | undefined): string | null {
  if (!host || !baseDomain) return null;
  const name = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  const suffix = `.${baseDomain
    .trim()
    .toLowerCase()
    .replace(/^\.+|\.+$/g, '')}`;
  if (!name.endsWith(suffix)) return null;
  const label = name.slice(0, -suffix.length);
  return TENANT_SLUG_PATTERN.test(label) && !NOT_TENANTS.has(label) ? label : null;
}

/** A tenant slug as typed in a URL (`?tenant=`), or null when it cannot be one. */
export const tenantSlugOrNull = (value: string | null | undefined): string | null => {
  const slug = value?.trim().toLowerCase();
  return slug && TENANT_SLUG_PATTERN.test(slug) ? slug : null;
};

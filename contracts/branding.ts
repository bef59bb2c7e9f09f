import { z } from 'zod';
import {
  BRANDING_ASSETS,
  MAX_BRANDING_URL_LENGTH,
  MAX_DASHBOARD_TITLE_LENGTH,
  PRIMARY_COLOR_PATTERN,
} from './branding-rules';
import { Slug } from './tenants';

export * from './branding-rules';

/**
 * A tenant's white-label branding (seed 003 S6.1): dashboard title, primary colour, logo and favicon, each image an
 * https URL or bytes uploaded to VoicePlane. Uploads are checked by their magic bytes, not only the declared type.
 */

export const PrimaryColor = z.string().trim().regex(PRIMARY_COLOR_PATTERN, 'a colour as #rrggbb').toLowerCase();

export const DashboardTitle = z
  .string()
  .trim()
  .min(1)
  .max(MAX_DASHBOARD_TITLE_LENGTH)
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

/** An image served from elsewhere: https only (a page served over https must not load it over http). */
export const BrandingUrl = z
  .string()
  .trim()
  .max(MAX_BRANDING_URL_LENGTH)
  .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'must be an https URL' }))
  .refine((value) => !/^https:\/\/[^/]*@/i.test(value), 'must not carry a user name or password');

/**
 * The whole branding but the uploaded bytes. `null` means the default (VoicePlane's). A logo or favicon URL
 * replaces an upload; `null` removes the image; leaving it out keeps the image as it is.
 */
export const SaveBrandingBody = z.strictObject({
  dashboardTitle: DashboardTitle.nullable(),
  primaryColor: PrimaryColor.nullable(),
  logoUrl: BrandingUrl.nullable().optional(),
  faviconUrl: BrandingUrl.nullable().optional(),
});
export type SaveBrandingBody = z.infer<typeof SaveBrandingBody>;

/** Platform staff name the tenant; a customer's is their own. */
export const BrandingQuery = z.strictObject({ tenantId: z.uuid().optional() });
export type BrandingQuery = z.infer<typeof BrandingQuery>;

/** Who may read a tenant's public branding: the login page, by the tenant's slug. */
export const PublicBrandingQuery = z.strictObject({
  slug: Slug,
});

export const BrandingAssetParams = z.strictObject({
  tenantSlug: Slug,
  asset: z.enum(BRANDING_ASSETS),
});

/** `v` is the content digest the branding views put in asset URLs, so a new upload gets a new URL. */
export const BrandingAssetQuery = z.strictObject({
  v: z
    .string()
    .regex(/^[0-9a-f]{8,64}$/)
    .optional(),
});

/** One image of the branding: where the browser loads it from, and for an upload its type and size. */
export const BrandingImageView = z
  .object({
    source: z.enum(['url', 'upload']),
    url: z.string(),
    contentType: z.string().nullable(),
    bytes: z.number().int().nullable(),
  })
  .meta({ id: 'BrandingImageView' });
export type BrandingImageView = z.infer<typeof BrandingImageView>;

export const BrandingView = z
  .object({
    tenantId: z.uuid(),
    tenantSlug: z.string(),
    dashboardTitle: z.string().nullable(),
    primaryColor: z.string().nullable(),
    logo: BrandingImageView.nullable(),
    favicon: BrandingImageView.nullable(),
    /** null until the branding was first saved. */
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'BrandingView' });
export type BrandingView = z.infer<typeof BrandingView>;

/** What anyone may read (the login page): the branding alone, nothing else of the tenant. */
export const PublicBranding = z
  .object({
    dashboardTitle: z.string().nullable(),
    primaryColor: z.string().nullable(),
    logoUrl: z.string().nullable(),
    faviconUrl: z.string().nullable(),
  })
  .meta({ id: 'PublicBranding' });
export type PublicBranding = z.infer<typeof PublicBranding>;

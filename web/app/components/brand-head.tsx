import { useLocation, useMatches } from 'react-router';
import { useEffect } from 'react';

import type { PublicBranding } from '@contracts/branding';
import { brandedTitle } from '~/lib/brand-theme';

/** Routes whose loaders return the tenant's branding as `brand`: the customer portal and the sign-in page. */
const BRANDED_ROUTES = new Set(['routes/app', 'routes/login']);

/** The branding of the page being shown, or null (the admin portal, public pages, no tenant known). */
export function useBrand(): PublicBranding | null {
  const matches = useMatches();
  for (const match of matches) {
    if (!BRANDED_ROUTES.has(match.id)) continue;
    const brand = (match.data as { brand?: PublicBranding | null } | undefined)?.brand;
    if (brand) return brand;
  }
  return null;
}

/** The favicon: the tenant's when its branding has one, else VoicePlane's. */
export function BrandFavicon({ brand }: { brand: PublicBranding | null }) {
  return brand?.faviconUrl ? (
    <link rel="icon" href={brand.faviconUrl} />
  ) : (
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
  );
}

/**
 * Puts the tenant's dashboard title in the document title in place of "VoicePlane" ("Billing · Alpen Admin"),
 * after every navigation. Each page's own `meta` keeps its plain title; this rewrites what the browser shows.
 */
export function useBrandedDocumentTitle(brand: PublicBranding | null): void {
  const location = useLocation();
  const dashboardTitle = brand?.dashboardTitle;
  useEffect(() => {
    if (dashboardTitle) document.title = brandedTitle(document.title, dashboardTitle);
  }, [dashboardTitle, location.key]);
}

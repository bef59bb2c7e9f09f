import type { PublicBranding } from '@contracts/branding';
import { subdomainSlug, tenantSlugOrNull } from '@contracts/branding-rules';

import { apiUrl, publicBaseDomain } from './env.server';

const TIMEOUT_MS = 5_000;

/**
 * The branding of the tenant a page is for, when the page knows it: from the host (`<slug>.<PUBLIC_BASE_DOMAIN>`)
 * or a `?tenant=<slug>` parameter, read from the API's public endpoint. Null when no tenant is named, none has
 * that slug, or the API does not answer: the page then shows VoicePlane's own look.
 */
export async function publicBrandingFor(request: Request): Promise<PublicBranding | null> {
  const url = new URL(request.url);
  const slug = tenantSlugOrNull(url.searchParams.get('tenant')) ?? subdomainSlug(url.host, publicBaseDomain());
  if (!slug) return null;
  try {
    const response = await fetch(`${apiUrl()}/api/public/branding?slug=${encodeURIComponent(slug)}`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(TIMEOUT_MS)]),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as PublicBranding | null;
    return body && typeof body === 'object' ? body : null;
  } catch {
    return null;
  }
}

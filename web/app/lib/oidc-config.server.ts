import type { OidcLoginConfig } from '@contracts/oidc';
import { apiUrl } from './env.server';

const OFF: OidcLoginConfig = { enabled: false, displayName: null };

/**
 * Whether the API offers sign-in with OpenID Connect (a public read, no session). Never throws: the sign-in page
 * must render with passwords alone when the API cannot say.
 */
export async function getOidcLoginConfig(request: Request): Promise<OidcLoginConfig> {
  try {
    const response = await fetch(`${apiUrl()}/api/auth/oidc/config`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(3_000)]),
    });
    if (!response.ok) return OFF;
    const body = (await response.json()) as Partial<OidcLoginConfig> | null;
    return body?.enabled === true && typeof body.displayName === 'string'
      ? { enabled: true, displayName: body.displayName }
      : OFF;
  } catch {
    return OFF;
  }
}

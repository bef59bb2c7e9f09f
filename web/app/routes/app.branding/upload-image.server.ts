import type { BrandingView } from '@contracts/branding';
import type { BrandingAsset } from '@contracts/branding-rules';
import type { ApiProblem, ApiResult } from '~/lib/api.server';
import { CSRF_COOKIE, CSRF_HEADER, readCookie } from '~/lib/cookies';
import { apiUrl } from '~/lib/env.server';
import { isProblem } from '~/lib/problem';

const TIMEOUT_MS = 15_000;

/**
 * Sends an uploaded logo or favicon to the API as the raw bytes with their content type (the API checks type, size
 * and magic bytes), with the browser's session cookies and CSRF header like every change.
 */
export async function uploadBrandingImage(
  request: Request,
  asset: BrandingAsset,
  file: File,
): Promise<ApiResult<BrandingView>> {
  const cookie = request.headers.get('cookie') ?? '';
  let response: Response;
  try {
    response = await fetch(`${apiUrl()}/api/branding/${asset}`, {
      method: 'PUT',
      headers: {
        accept: 'application/json',
        cookie,
        [CSRF_HEADER]: readCookie(cookie, CSRF_COOKIE) ?? '',
        'content-type': file.type || 'application/octet-stream',
      },
      body: new Uint8Array(await file.arrayBuffer()),
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(TIMEOUT_MS)]),
    });
  } catch {
    const problem = { title: 'Service Unavailable', status: 503, detail: 'The API is unreachable right now.' };
    return { ok: false, status: 503, problem };
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, status: response.status, data: json as BrandingView };
  const problem: ApiProblem = isProblem(json)
    ? { ...json, status: response.status }
    : {
        title: response.statusText || 'Error',
        status: response.status,
        detail: `The API answered HTTP ${response.status}.`,
      };
  return { ok: false, status: response.status, problem };
}

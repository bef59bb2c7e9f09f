import { CSRF_COOKIE, CSRF_HEADER, readCookie } from './cookies';

/**
 * The browser side of the cookie session. The refresh cookie only travels to /api/auth, so refreshing has to
 * happen here, not in a loader. Refresh tokens rotate and a token presented twice ends the whole session, so
 * refreshes never overlap: one at a time per tab, and across tabs under a Web Lock, after which a changed CSRF
 * cookie (set anew by every refresh) shows another tab already did it.
 */

let expiresAt: number | null = null;
let inflight: Promise<boolean> | null = null;

export const csrfToken = (): string | undefined => readCookie(document.cookie, CSRF_COOKIE);

/** Remembers when the access token expires (from the portal loader, or a refresh). */
export function noteSessionExpiry(iso: string | null | undefined): void {
  const time = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isFinite(time)) expiresAt = time;
}

export const sessionExpiry = (): number | null => expiresAt;

/** POST /api/auth/refresh once; true if the session is good again. */
export function refreshSession(): Promise<boolean> {
  inflight ??= refreshOnce().finally(() => {
    inflight = null;
  });
  return inflight;
}

async function refreshOnce(): Promise<boolean> {
  const before = csrfToken();
  if (!before) return false;
  const run = async (): Promise<boolean> => {
    const current = csrfToken();
    if (!current) return false;
    if (current !== before) return true;
    try {
      const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        credentials: 'include',
        headers: { accept: 'application/json', [CSRF_HEADER]: current },
      });
      if (!response.ok) return false;
      const body = (await response.json().catch(() => null)) as { expiresAt?: string } | null;
      noteSessionExpiry(body?.expiresAt);
      return true;
    } catch {
      return false;
    }
  };
  return 'locks' in navigator ? navigator.locks.request('voiceplane-session-refresh', run) : run();
}

/** Refreshes first when the access token is about to expire, so a form submission does not meet a 401. */
export async function ensureFreshSession(marginMs = 60_000): Promise<void> {
  if (expiresAt !== null && expiresAt - Date.now() < marginMs) await refreshSession();
}

export async function logout(): Promise<void> {
  await fetch('/api/auth/logout', {
    method: 'POST',
    credentials: 'include',
    headers: { [CSRF_HEADER]: csrfToken() ?? '' },
  }).catch(() => undefined);
}

/** Cookie names the API sets (api/session-cookies.ts). */
export const ACCESS_COOKIE = 'vp_access';
export const CSRF_COOKIE = 'vp_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** One cookie's value from a `Cookie` header (or `document.cookie`). */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

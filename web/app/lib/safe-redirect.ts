// Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/evil.example" or "/\evil.example" become
// "//evil.example": another site. Any such character makes the value unusable rather than cleaned up.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;

// Pages that would send the user back here or sign them out: never a place to return to. Route matching ignores
// case and percent-encoding, so this check does too.
const NOT_A_DESTINATION = /^\/(login|logout|auth)(\/|$)/i;

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/**
 * A return path from a query string, only if it stays on this site: "/admin/bots?page=2" yes, "//evil.example",
 * "/\t/evil.example" or "https://evil.example" no (then `fallback`). `origin` is the app's own origin; the answer
 * is the path as the browser will resolve it ("/admin/../app" gives "/app").
 */
export function safeRedirect(
  to: string | null | undefined,
  { origin, fallback = '/' }: { origin: string; fallback?: string },
): string {
  if (!to || CONTROL_OR_BACKSLASH.test(to) || !to.startsWith('/') || to.startsWith('//')) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(to, origin);
  } catch {
    return fallback;
  }
  const path = resolved.pathname + resolved.search + resolved.hash;
  // Resolving can itself produce "//": "/.//evil.example" has the path "//evil.example".
  const leavesSite = resolved.origin !== new URL(origin).origin || path.startsWith('//');
  return leavesSite || NOT_A_DESTINATION.test(decodedPath(resolved.pathname)) ? fallback : path;
}

/** `/login?redirectTo=…` for the page a user was on. */
export const loginPath = (returnTo?: string) =>
  returnTo && returnTo !== '/' ? `/login?redirectTo=${encodeURIComponent(returnTo)}` : '/login';

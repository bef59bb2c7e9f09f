/**
 * A return path from a query string, only if it stays on this site: "/admin/bots?page=2" yes,
 * "//evil.example" or "https://evil.example" no.
 */
export function safeRedirect(to: string | null | undefined, fallback = '/'): string {
  if (!to || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  if (to.startsWith('/login') || to.startsWith('/logout') || to.startsWith('/auth/')) return fallback;
  return to;
}

/** `/login?redirectTo=…` for the page a user was on. */
export const loginPath = (returnTo?: string) =>
  returnTo && returnTo !== '/' ? `/login?redirectTo=${encodeURIComponent(returnTo)}` : '/login';

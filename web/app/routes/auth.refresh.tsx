import { redirectDocument, type ClientLoaderFunctionArgs, type MetaFunction } from 'react-router';

import { Spinner } from '~/components/ui/spinner';
import { loginPath, safeRedirect } from '~/lib/safe-redirect';
import { refreshSession } from '~/lib/session.client';

export const meta: MetaFunction = () => [{ title: 'Restoring your session · VoicePlane' }];

const GUARD_KEY = 'vp-refreshed';
const GUARD_MS = 10_000;

/**
 * Loaders send the browser here when the API answered 401. The refresh cookie only travels to /api/auth, so the
 * browser refreshes (once) and goes back to the page, which loads again with the new access cookie. If that
 * fails, or the page answered 401 again right after a refresh, it is time to sign in.
 */
export async function clientLoader({ request }: ClientLoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get('redirectTo'), { origin: url.origin, fallback: '/portal' });
  // The same page answering 401 again right after a refresh would loop: sign in instead.
  const last = JSON.parse(sessionStorage.getItem(GUARD_KEY) ?? 'null') as { to: string; at: number } | null;
  const looping = last !== null && last.to === redirectTo && Date.now() - last.at < GUARD_MS;
  if (!looping && (await refreshSession())) {
    sessionStorage.setItem(GUARD_KEY, JSON.stringify({ to: redirectTo, at: Date.now() }));
    // A full load: a client-side redirect out of a hydrating clientLoader renders the target without its data.
    return redirectDocument(redirectTo);
  }
  sessionStorage.removeItem(GUARD_KEY);
  return redirectDocument(loginPath(redirectTo));
}
clientLoader.hydrate = true as const;

export function HydrateFallback() {
  return (
    <main className="flex min-h-screen items-center justify-center gap-3 text-slate-600">
      <Spinner className="h-5 w-5 text-indigo-600" />
      Restoring your session…
    </main>
  );
}

export default function AuthRefresh() {
  return <HydrateFallback />;
}

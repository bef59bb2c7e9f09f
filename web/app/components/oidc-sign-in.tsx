import { buttonClass } from '~/components/ui/button';

/**
 * "Sign in with <provider>": a plain link (no JavaScript needed) to the API's start route, through this origin's
 * API proxy, so the flow cookie and, after the provider, the session cookies belong to this origin.
 */
export function OidcSignIn({ displayName }: { displayName: string }) {
  return (
    <div className="mt-6">
      <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-slate-400" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        or
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <a href="/api/auth/oidc/start" className={buttonClass('secondary', 'md', 'mt-6 w-full py-2.5')}>
        Sign in with {displayName}
      </a>
    </div>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useNavigate, useSearchParams } from '@remix-run/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { TextField } from '~/components/ui/field';
import type { Role } from '@contracts/roles';
import { isProblem, splitFieldErrors } from '~/lib/problem';
import { homeFor } from '~/lib/roles';
import { safeRedirect } from '~/lib/safe-redirect';
import { brandStyle } from '~/lib/brand-theme';
import { publicBrandingFor } from '~/lib/public-branding.server';
import { isPlatformRole } from '@contracts/roles';
import { isOidcLoginError, OIDC_LOGIN_ERROR_MESSAGES } from '@contracts/oidc-login-errors';
import { OidcSignIn } from '~/components/oidc-sign-in';
import { getOidcLoginConfig } from '~/lib/oidc-config.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Sign in · ${data?.brand?.dashboardTitle ?? 'VoicePlane'}` },
];

/** Whether to offer "Sign in with …" (OpenID Connect), as the API says. */
/** Whether to offer OpenID Connect, and the tenant's branding when the host or `?tenant=` names one. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const [oidc, brand] = await Promise.all([getOidcLoginConfig(request), publicBrandingFor(request)]);
  return { oidc, brand };
};

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

interface FormState {
  submitting: boolean;
  error?: string;
  otherErrors?: string[];
  fieldErrors: Partial<Record<Field, string>>;
}

/** The return path if this role may use it, else the role's own portal. Runs in the browser (after sign-in). */
function destination(redirectTo: string | null, role: Role): string {
  const target = safeRedirect(redirectTo, { origin: window.location.origin, fallback: homeFor(role) });
  const wrongPortal = isPlatformRole(role) ? /^\/app(\/|$|\?)/.test(target) : /^\/admin(\/|$|\?)/.test(target);
  return wrongPortal ? homeFor(role) : target;
}

/**
 * Sign-in. The browser posts to /api/auth/login itself (same origin, proxied to the API) so the API's session
 * cookies land in the browser, then goes back to where the user wanted to be.
 */
export default function Login() {
  const [params] = useSearchParams();
  const { oidc, brand } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const redirectTo = params.get('redirectTo');
  const [hydrated, setHydrated] = useState(false);
  const oidcError = params.get('error');
  const [state, setState] = useState<FormState>({
    submitting: false,
    fieldErrors: {},
    // Where an OpenID Connect sign-in ended: a known code's text, never the URL's own words.
    error: isOidcLoginError(oidcError) ? OIDC_LOGIN_ERROR_MESSAGES[oidcError] : undefined,
  });
  const errorRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // The form needs JavaScript (JSON request): keep the button disabled until hydration.
  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    if (state.submitting) return;
    const firstInvalid = FIELDS.find((field) => state.fieldErrors[field]);
    if (firstInvalid) formRef.current?.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus();
    else if (state.error) errorRef.current?.focus();
  }, [state]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.submitting) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setState({ submitting: true, fieldErrors: {} });

    let response: Response;
    try {
      response = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        credentials: 'include',
        body: JSON.stringify({ email, password }),
      });
    } catch {
      setState({ submitting: false, fieldErrors: {}, error: 'Could not reach the server. Check your connection.' });
      return;
    }
    const body: unknown = await response.json().catch(() => null);
    const role = (body as { user?: { role?: Role } } | null)?.user?.role;
    if (response.ok && role) {
      navigate(destination(redirectTo, role), { replace: true });
      return;
    }
    if (isProblem(body)) {
      const { byField, other } = splitFieldErrors(body, FIELDS);
      setState({
        submitting: false,
        fieldErrors: byField,
        otherErrors: other,
        error: body.detail ?? body.title ?? `Sign-in failed (HTTP ${response.status}).`,
      });
      return;
    }
    setState({
      submitting: false,
      fieldErrors: {},
      error:
        response.status >= 502 && response.status <= 504
          ? 'The API is unavailable right now. Please try again shortly.'
          : `Sign-in failed (HTTP ${response.status}).`,
    });
  }

  const notice = params.get('signedOut')
    ? 'You have been signed out.'
    : params.get('verified')
      ? 'Your email address is confirmed. Sign in to continue.'
      : redirectTo
        ? 'Please sign in to continue.'
        : null;

  return (
    <main
      className="flex min-h-screen flex-col justify-center bg-gradient-to-b from-indigo-50/60 to-slate-50 px-4 py-12 sm:px-6"
      style={brandStyle(brand?.primaryColor)}
    >
      <div className="mx-auto w-full max-w-sm">
        <Link to="/" className="flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
          <img src={brand?.logoUrl ?? '/favicon.svg'} alt="" className="h-8 max-w-[6rem] object-contain" />
          <span data-testid="brand-title">{brand?.dashboardTitle ?? 'VoicePlane'}</span>
        </Link>

        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
          <p className="mt-1 text-sm text-slate-600">Use your VoicePlane account.</p>

          {notice && !state.error ? (
            <Alert tone="info" className="mt-6">
              {notice}
            </Alert>
          ) : null}
          {state.error ? (
            <div ref={errorRef} tabIndex={-1} className="mt-6 outline-none">
              <Alert tone="error">
                <p>{state.error}</p>
                {state.otherErrors?.length ? (
                  <ul className="mt-2 list-disc pl-5">
                    {state.otherErrors.map((message, i) => (
                      <li key={i}>{message}</li>
                    ))}
                  </ul>
                ) : null}
              </Alert>
            </div>
          ) : null}

          <noscript>
            <p className="mt-6 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
              JavaScript is required to sign in.
            </p>
          </noscript>

          {/* method="post" so a submit before hydration never puts the password in the URL. */}
          <form
            ref={formRef}
            method="post"
            onSubmit={handleSubmit}
            aria-busy={state.submitting}
            className="mt-6 space-y-5"
          >
            <TextField
              name="email"
              label="Email address"
              type="email"
              autoComplete="username"
              required
              error={state.fieldErrors.email}
            />
            <TextField
              name="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              required
              error={state.fieldErrors.password}
            />
            <Button type="submit" disabled={!hydrated || state.submitting} className="w-full py-2.5">
              {state.submitting ? 'Signing in…' : 'Sign in'}
            </Button>
          </form>
          {oidc.enabled && oidc.displayName ? <OidcSignIn displayName={oidc.displayName} /> : null}
        </div>
        <p className="mt-6 text-center text-sm text-slate-600">
          New to VoicePlane?{' '}
          <Link to="/register" className="font-medium text-indigo-700 hover:underline">
            Create an account
          </Link>
        </p>
      </div>
    </main>
  );
}

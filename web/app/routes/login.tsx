import {
  Link,
  useLoaderData,
  useNavigate,
  useSearchParams,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';
import type { FormEvent } from 'react';

import { AuthCard, AuthForm, AuthPage, CredentialFields } from '~/components/auth-page';
import { Alert } from '~/components/ui/alert';
import type { Role } from '@contracts/roles';
import { homeFor } from '~/lib/roles';
import { safeRedirect } from '~/lib/safe-redirect';
import { publicBrandingFor } from '~/lib/public-branding.server';
import { isPlatformRole } from '@contracts/roles';
import { isOidcLoginError, OIDC_LOGIN_ERROR_MESSAGES } from '@contracts/oidc-login-errors';
import { OidcSignIn } from '~/components/oidc-sign-in';
import { getOidcLoginConfig } from '~/lib/oidc-config.server';
import { useJsonForm } from '~/lib/use-json-form';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Sign in · ${data?.brand?.dashboardTitle ?? 'VoicePlane'}` },
];

/** Whether to offer OpenID Connect, and the tenant's branding when the host or `?tenant=` names one. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const [oidc, brand] = await Promise.all([getOidcLoginConfig(request), publicBrandingFor(request)]);
  return { oidc, brand };
};

const FIELDS = ['email', 'password'] as const;

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
  const oidcError = params.get('error');
  const form = useJsonForm(FIELDS, {
    action: 'Sign-in',
    // Where an OpenID Connect sign-in ended: a known code's text, never the URL's own words.
    initialError: isOidcLoginError(oidcError) ? OIDC_LOGIN_ERROR_MESSAGES[oidcError] : undefined,
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    const data = form.formData(event);
    if (!data) return;
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    await form.post('/api/auth/login', { email, password }, (response, answer) => {
      const role = (answer as { user?: { role?: Role } } | null)?.user?.role;
      if (!response.ok || !role) return false;
      navigate(destination(redirectTo, role), { replace: true });
      return true;
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
    <AuthPage brand={brand} width="max-w-sm" centered>
      <AuthCard title="Sign in" intro="Use your VoicePlane account.">
        {notice && !form.state.error ? (
          <Alert tone="info" className="mt-6">
            {notice}
          </Alert>
        ) : null}
        <AuthForm
          form={form}
          onSubmit={handleSubmit}
          toDo="sign in"
          submit={{ idle: 'Sign in', busy: 'Signing in…' }}
          className="mt-6 space-y-5"
        >
          <CredentialFields errors={form.state.fieldErrors} purpose="sign-in" />
        </AuthForm>
        {oidc.enabled && oidc.displayName ? <OidcSignIn displayName={oidc.displayName} /> : null}
      </AuthCard>
      <p className="mt-6 text-center text-sm text-slate-600">
        New to VoicePlane?{' '}
        <Link to="/register" className="font-medium text-indigo-700 hover:underline">
          Create an account
        </Link>
      </p>
    </AuthPage>
  );
}

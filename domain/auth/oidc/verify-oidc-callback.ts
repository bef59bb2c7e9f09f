import * as oidc from 'openid-client';
import { Email } from '../../../contracts/users';
import { sameSecret } from '../csrf-token';
import { openOidcFlow } from './oidc-flow';
import { OidcLoginFailure } from './oidc-login-failure';
import type { OidcRelyingParty } from './oidc-relying-party';

/** Who the provider vouched for: its subject, and an email address it has verified. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string;
  name: string | null;
}

/**
 * Checks the browser's return from the provider against the flow it started with (state, then the code exchange
 * with the PKCE verifier; openid-client validates the ID token's issuer, audience, expiry and nonce, and, as OIDC
 * Core 3.1.3.7 allows for a token received straight from the token endpoint over TLS, not its signature) and
 * reads the identity. Only an address the provider marks `email_verified: true` is accepted.
 */
export async function verifyOidcCallback(
  rp: OidcRelyingParty,
  key: Uint8Array,
  input: { query: string; flowCookie: unknown },
  now = Date.now(),
): Promise<OidcIdentity> {
  const params = new URLSearchParams(input.query);
  const flow = openOidcFlow(key, input.flowCookie, now);
  if (!flow) throw new OidcLoginFailure('oidc_expired', 'No valid sign-in flow cookie came back with the callback');
  const state = params.get('state');
  if (!state || !sameSecret(state, flow.state)) {
    throw new OidcLoginFailure('oidc_expired', 'The callback’s state does not match the flow this browser started');
  }
  const error = params.get('error');
  if (error) {
    const code = error === 'access_denied' ? 'oidc_cancelled' : 'oidc_failed';
    throw new OidcLoginFailure(code, `The provider answered ${error}: ${params.get('error_description') ?? ''}`);
  }

  const configuration = await providerCall('discovery', () => rp.configuration());
  const currentUrl = new URL(rp.settings.redirectUri);
  currentUrl.search = params.toString();
  const tokens = await providerCall('code exchange', () =>
    oidc.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    }),
  );
  const idToken = tokens.claims();
  if (!idToken) throw new OidcLoginFailure('oidc_failed', 'The provider returned no ID token');
  // Providers that keep profile claims out of the ID token (OpenID Connect Core §5.4) give them at userinfo.
  const claims =
    idToken.email !== undefined && idToken.email_verified !== undefined
      ? idToken
      : await providerCall('userinfo', () => oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub));

  const email = Email.safeParse(claims.email);
  if (!email.success) throw new OidcLoginFailure('oidc_failed', 'The provider gave no usable email address');
  if (claims.email_verified !== true) {
    throw new OidcLoginFailure('oidc_email_not_verified', 'The provider has not verified the address');
  }
  return { issuer: idToken.iss, subject: idToken.sub, email: email.data, name: displayNameOf(claims) };
}

function displayNameOf(claims: Record<string, unknown>): string | null {
  const parts = [claims.name, [claims.given_name, claims.family_name].filter(Boolean).join(' ')];
  const name = parts.find((part): part is string => typeof part === 'string' && part.trim() !== '');
  return name ? name.trim().slice(0, 120) : null;
}

/** A provider that cannot be reached is "unavailable"; one that answers but not acceptably "failed". */
async function providerCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (cause) {
    const unreachable =
      cause instanceof TypeError ||
      (cause instanceof Error && ['AbortError', 'TimeoutError'].includes(cause.name)) ||
      // openid-client wraps a request's timeout or abort in its own error.
      (cause instanceof oidc.ClientError && ['OAUTH_TIMEOUT', 'OAUTH_ABORT'].includes(cause.code ?? '')) ||
      (cause instanceof oidc.ClientError && cause.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' && isServerError(cause));
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new OidcLoginFailure(unreachable ? 'oidc_unavailable' : 'oidc_failed', `OpenID Connect ${what}: ${reason}`, {
      cause,
    });
  }
}

const isServerError = (error: oidc.ClientError): boolean => {
  const status = (error.cause as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 500;
};

import type { Env } from './env';

/** The platform's OpenID Connect client, when one is configured (all of OIDC_ISSUER_URL, _CLIENT_ID, _CLIENT_SECRET). */
export interface OidcClientConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
}

const OIDC_VARIABLES = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

const isLoopback = (url: URL): boolean => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/** A half-configured provider would show a button that cannot work; production talks to it over TLS only. */
export function oidcProblems(env: Env): string[] {
  const missing = OIDC_VARIABLES.filter((name) => !env[name]);
  if (missing.length > 0 && missing.length < OIDC_VARIABLES.length) {
    return [`${missing.join(', ')} must be set too: OpenID Connect sign-in needs the issuer, client id and secret`];
  }
  if (env.OIDC_ISSUER_URL && env.APP_ENV === 'production') {
    const issuer = new URL(env.OIDC_ISSUER_URL);
    if (issuer.protocol !== 'https:' && !isLoopback(issuer)) return ['OIDC_ISSUER_URL must be an https:// URL'];
  }
  return [];
}

export function oidcClientConfig(env: Env): OidcClientConfig | null {
  if (!env.OIDC_ISSUER_URL || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuerUrl: env.OIDC_ISSUER_URL,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    displayName: env.OIDC_DISPLAY_NAME,
  };
}

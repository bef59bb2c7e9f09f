import * as oidc from 'openid-client';

/** The platform as an OpenID Connect client of one identity provider (config/oidc.ts plus where it lives). */
export interface OidcSettings {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  /** The button's label: "Sign in with <displayName>". */
  displayName: string;
  /** `<public web origin>/api/auth/oidc/callback`, as registered at the provider. */
  redirectUri: string;
}

export interface OidcRelyingParty {
  settings: OidcSettings;
  /** The provider's discovered metadata and this client's credentials; fetched once and kept for an hour. */
  configuration(): Promise<oidc.Configuration>;
}

const DISCOVERY_TTL_MS = 60 * 60_000;
/** People wait on every call to the provider (discovery, token, userinfo). */
const REQUEST_TIMEOUT_S = 10;

export function createOidcRelyingParty(settings: OidcSettings): OidcRelyingParty {
  let cached: { at: number; configuration: Promise<oidc.Configuration> } | null = null;
  return {
    settings,
    configuration() {
      if (!cached || Date.now() - cached.at > DISCOVERY_TTL_MS) {
        const configuration = discover(settings);
        const entry = { at: Date.now(), configuration };
        cached = entry;
        // A failed discovery is not kept: the next sign-in asks again.
        configuration.catch(() => {
          if (cached === entry) cached = null;
        });
      }
      return cached.configuration;
    },
  };
}

async function discover(settings: OidcSettings): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuerUrl);
  // Plain http only for a provider on this machine (development, tests); config/oidc.ts refuses it in production.
  const insecure = issuer.protocol === 'http:';
  return oidc.discovery(issuer, settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), {
    timeout: REQUEST_TIMEOUT_S,
    execute: insecure ? [oidc.allowInsecureRequests] : [],
  });
}

/** The redirect URI to register at the provider: the callback route, reached through the web origin's API proxy. */
export const oidcCallbackUrl = (publicBaseUrl: string): string =>
  `${publicBaseUrl.replace(/\/$/, '')}/api/auth/oidc/callback`;

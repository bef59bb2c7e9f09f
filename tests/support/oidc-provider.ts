import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { OidcClientConfig } from '../../config/oidc';
import { getFreePort } from './free-port';

/** What the provider says about one of its accounts. */
export interface TestOidcAccount {
  email: string;
  email_verified: boolean;
  name: string;
}

export interface TestOidcProvider {
  issuer: string;
  /** The platform's client here: an OIDC_* configuration for the harness. */
  client: OidcClientConfig;
  /** Adds (or replaces) an account; its id is what one types as "login" on the provider's sign-in form. */
  addAccount(accountId: string, account: TestOidcAccount): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (panva's `oidc-provider`, certified) on a free loopback port, with one
 * confidential client that must use PKCE and redirects to `redirectUri`, and the accounts tests add. Sign-in goes
 * through the provider's own development interaction form (any password); consent is implied for this
 * first-party client. Claims beyond `sub` come from the userinfo endpoint, as the specification has it.
 */
export async function startOidcProvider({ redirectUri }: { redirectUri: string }): Promise<TestOidcProvider> {
  const port = await getFreePort();
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map<string, TestOidcAccount>();
  const client: OidcClientConfig = {
    issuerUrl: issuer,
    clientId: `voiceplane-${randomUUID().slice(0, 8)}`,
    clientSecret: randomUUID(),
    displayName: 'Test Identity',
  };
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-signing-key', alg: 'RS256', use: 'sig' };

  const provider = withoutDevelopmentNotices(
    () =>
      new Provider(issuer, {
        clients: [
          {
            client_id: client.clientId,
            client_secret: client.clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        pkce: { required: () => true },
        jwks: { keys: [signingKey] },
        cookies: { keys: [randomUUID()] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        features: { devInteractions: { enabled: true } },
        async findAccount(_ctx, accountId) {
          const account = accounts.get(accountId);
          return account ? { accountId, claims: () => ({ sub: accountId, ...account }) } : undefined;
        },
        // First-party client: the person is not asked to consent to the scopes the platform requests.
        async loadExistingGrant(ctx: KoaContextWithOIDC) {
          const { Grant } = ctx.oidc.provider;
          const clientId = ctx.oidc.client!.clientId;
          const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(clientId);
          if (grantId) return Grant.find(grantId);
          const grant = new Grant({ clientId, accountId: ctx.oidc.session!.accountId });
          grant.addOIDCScope('openid email profile');
          await grant.save();
          return grant;
        },
        ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3_600, IdToken: 600, Interaction: 600, Session: 3_600 },
      }),
  );
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    issuer,
    client,
    addAccount: (accountId, account) => accounts.set(accountId, account),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The provider warns that its in-memory store and sign-in form are for development: exactly what a test wants. */
function withoutDevelopmentNotices<T>(build: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('quick start development-only')) warn(...args);
  };
  try {
    return build();
  } finally {
    console.warn = warn;
  }
}

import { generateKeyPair, SignJWT } from 'jose';
import * as oidc from 'openid-client';
import { OIDC_FLOW_TTL_MS, sealOidcFlow, type OidcFlow } from './oidc-flow';
import { OidcLoginFailure } from './oidc-login-failure';
import type { OidcRelyingParty } from './oidc-relying-party';
import { failureOf } from '../../../tests/support/failure-of';
import { verifyOidcCallback } from './verify-oidc-callback';

const ISSUER = 'https://idp.example.test';
const CLIENT_ID = 'voiceplane';
const REDIRECT_URI = 'https://app.example.test/api/auth/oidc/callback';
const key = new Uint8Array(32).fill(3);
const flow: OidcFlow = { state: 'state-abc', nonce: 'nonce-abc', codeVerifier: 'v'.repeat(43) };
const FLOW_NOW = Date.now();

type Claims = Record<string, unknown>;
/** How the in-process provider answers the token and userinfo requests of one test. */
interface ProviderScript {
  idToken?: Claims | null;
  userinfo?: Claims;
  token?: () => Response | Promise<Response>;
}

let signingKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
beforeAll(async () => {
  ({ privateKey: signingKey } = await generateKeyPair('RS256'));
});

const seconds = () => Math.floor(Date.now() / 1_000);
const idTokenClaims = (overrides: Claims = {}): Claims => ({
  iss: ISSUER,
  aud: CLIENT_ID,
  sub: 'subject-1',
  nonce: flow.nonce,
  iat: seconds(),
  exp: seconds() + 600,
  ...overrides,
});

/**
 * A relying party whose provider lives in this process: the discovered metadata is fixed and every request goes to
 * `customFetch`, so each test decides what the token and userinfo endpoints answer. Returns the URLs requested.
 */
function relyingParty(script: ProviderScript) {
  const requested: string[] = [];
  const configuration = new oidc.Configuration(
    {
      issuer: ISSUER,
      authorization_endpoint: `${ISSUER}/auth`,
      token_endpoint: `${ISSUER}/token`,
      userinfo_endpoint: `${ISSUER}/userinfo`,
    },
    CLIENT_ID,
    'client-secret',
  );
  configuration[oidc.customFetch] = async (url) => {
    requested.push(new URL(url).pathname);
    if (url.endsWith('/token')) {
      if (script.token) return script.token();
      const idToken =
        script.idToken === null
          ? undefined
          : await new SignJWT(idTokenClaims(script.idToken))
              .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
              .sign(signingKey);
      return Response.json({ access_token: 'access-1', token_type: 'Bearer', id_token: idToken });
    }
    return Response.json({ sub: 'subject-1', ...script.userinfo });
  };
  const rp: OidcRelyingParty = {
    settings: {
      issuerUrl: ISSUER,
      clientId: CLIENT_ID,
      clientSecret: 'client-secret',
      displayName: 'Example',
      redirectUri: REDIRECT_URI,
    },
    configuration: async () => configuration,
  };
  return { rp, requested };
}

/** Without `now`, the clock decides whether the flow cookie (sealed moments ago) is still fresh. */
const verify = (rp: OidcRelyingParty, query = `code=code-1&state=${flow.state}`, now?: number) =>
  verifyOidcCallback(rp, key, { query, flowCookie: sealOidcFlow(key, flow, FLOW_NOW) }, now);

/** The sign-in page's code for a refused callback (and that it was refused the designed way). */
/** The code of the OidcLoginFailure `promise` rejects with. */
const failureCodeOf = async (promise: Promise<unknown>) => (await failureOf(promise, OidcLoginFailure)).code;

const verifiedEmail = { email: 'Olga@Example.test', email_verified: true };

describe('verifyOidcCallback', () => {
  it('reads the identity from the ID token alone when it carries the verified email', async () => {
    const { rp, requested } = relyingParty({ idToken: { ...verifiedEmail, name: '  Olga Owner  ' } });
    await expect(verify(rp)).resolves.toEqual({
      issuer: ISSUER,
      subject: 'subject-1',
      email: 'olga@example.test',
      name: 'Olga Owner',
    });
    expect(requested).toEqual(['/token']);
  });

  it('asks userinfo when the ID token lacks email_verified, and builds the name from given and family name', async () => {
    const { rp, requested } = relyingParty({
      idToken: { email: 'olga@example.test' },
      userinfo: { ...verifiedEmail, name: ' ', given_name: 'Olga', family_name: 'Owner' },
    });
    await expect(verify(rp)).resolves.toMatchObject({ email: 'olga@example.test', name: 'Olga Owner' });
    expect(requested).toEqual(['/token', '/userinfo']);
  });

  it('keeps at most 120 characters of a name, and none when the provider gives none', async () => {
    const long = relyingParty({ idToken: { ...verifiedEmail, name: 'N'.repeat(200) } });
    expect((await verify(long.rp)).name).toBe('N'.repeat(120));
    const nameless = relyingParty({ idToken: verifiedEmail });
    expect((await verify(nameless.rp)).name).toBeNull();
  });

  it('refuses an address that is missing or not an email address', async () => {
    for (const email of [undefined, 'not-an-address']) {
      const { rp } = relyingParty({ idToken: {}, userinfo: { email, email_verified: true } });
      expect(await failureCodeOf(verify(rp))).toBe('oidc_failed');
    }
  });

  it('refuses an address the provider has not verified, even if it says "true" as text', async () => {
    const { rp } = relyingParty({ idToken: { email: 'olga@example.test', email_verified: 'true' } });
    expect(await failureCodeOf(verify(rp))).toBe('oidc_email_not_verified');
  });

  describe('refuses an ID token that was not issued for this sign-in', () => {
    it.each([
      ['another nonce (a replayed or injected token)', { nonce: 'nonce-of-someone-else' }],
      ['another issuer', { iss: 'https://evil.example.test' }],
      ['another audience (a token for another client)', { aud: 'another-client' }],
      ['an expired token', { iat: seconds() - 7_200, exp: seconds() - 3_600 }],
    ])('%s', async (_what, claims) => {
      const { rp, requested } = relyingParty({ idToken: { ...verifiedEmail, ...claims } });
      expect(await failureCodeOf(verify(rp))).toBe('oidc_failed');
      expect(requested).toEqual(['/token']);
    });

    it('no ID token at all', async () => {
      const { rp } = relyingParty({ idToken: null });
      expect(await failureCodeOf(verify(rp))).toBe('oidc_failed');
    });
  });

  it('refuses a callback whose flow cookie has expired before talking to the provider', async () => {
    const { rp, requested } = relyingParty({ idToken: verifiedEmail });
    expect(await failureCodeOf(verify(rp, undefined, FLOW_NOW + OIDC_FLOW_TTL_MS + 1))).toBe('oidc_expired');
    expect(requested).toEqual([]);
  });

  it('refuses a callback without a state, or with another one, as an expired flow', async () => {
    const { rp, requested } = relyingParty({ idToken: verifiedEmail });
    expect(await failureCodeOf(verify(rp, 'code=code-1'))).toBe('oidc_expired');
    expect(await failureCodeOf(verify(rp, 'code=code-1&state=state-xyz'))).toBe('oidc_expired');
    expect(requested).toEqual([]);
  });

  it('tells a cancellation apart from other errors the provider sends back', async () => {
    const { rp, requested } = relyingParty({ idToken: verifiedEmail });
    expect(await failureCodeOf(verify(rp, `error=access_denied&state=${flow.state}`))).toBe('oidc_cancelled');
    expect(await failureCodeOf(verify(rp, `error=server_error&state=${flow.state}`))).toBe('oidc_failed');
    expect(requested).toEqual([]);
  });

  describe('a provider that cannot be reached is "unavailable", one that answers unacceptably "failed"', () => {
    const withToken = (token: ProviderScript['token']) => relyingParty({ token }).rp;

    it.each([
      ['a network error', () => Promise.reject(new TypeError('fetch failed')), 'oidc_unavailable'],
      ['a timeout', () => Promise.reject(new DOMException('timed out', 'TimeoutError')), 'oidc_unavailable'],
      ['an abort', () => Promise.reject(new DOMException('aborted', 'AbortError')), 'oidc_unavailable'],
      ['a 503 page', () => new Response('<h1>down</h1>', { status: 503 }), 'oidc_unavailable'],
      ['a 404 page', () => new Response('<h1>no such endpoint</h1>', { status: 404 }), 'oidc_failed'],
      [
        'an OAuth error (the code was spent)',
        () => Response.json({ error: 'invalid_grant' }, { status: 400 }),
        'oidc_failed',
      ],
      ['some other exception', () => Promise.reject(new RangeError('odd')), 'oidc_failed'],
    ] as const)('%s at the token endpoint', async (_what, token, code) => {
      expect(await failureCodeOf(verify(withToken(token)))).toBe(code);
    });

    it.each(['TimeoutError', 'AbortError'])('a discovery that ends in %s', async (name) => {
      const { rp } = relyingParty({ idToken: verifiedEmail });
      const gaveUp = Object.assign(new Error('gave up'), { name });
      const failing: OidcRelyingParty = { ...rp, configuration: () => Promise.reject(gaveUp) };
      expect(await failureCodeOf(verify(failing))).toBe('oidc_unavailable');
    });

    it('says which call failed and why, also for a thrown non-error', async () => {
      const { rp } = relyingParty({ idToken: verifiedEmail });
      const failing: OidcRelyingParty = { ...rp, configuration: () => Promise.reject('discovery document is empty') };
      const error = await failureOf(verify(failing), OidcLoginFailure);
      expect(error).toMatchObject({
        code: 'oidc_failed',
        message: 'OpenID Connect discovery: discovery document is empty',
      });
    });
  });
});

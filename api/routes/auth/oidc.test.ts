import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { generateKeyPair, SignJWT } from 'jose';
import * as oidc from 'openid-client';
import type { OidcRelyingParty } from '../../../domain/auth/oidc/oidc-relying-party';
import { AppError } from '../../../domain/errors/app-error';
import type { AppDeps } from '../../app-deps';
import { errorsPlugin } from '../../plugins/errors';
import { oidcAuthRoutes } from './oidc';

const ISSUER = 'https://idp.example.test';
const PUBLIC_BASE_URL = 'https://app.example.test';
const ERROR = 50;
const WARN = 40;

/**
 * The routes on a bare app: a provider in this process (fixed metadata, `customFetch` answering the token request
 * with an ID token for the nonce of the last redirect) and a database stand-in that fails the way `sign-in` says.
 */
async function oidcApp(signInFailure: Error, { configured = true } = {}) {
  const { privateKey } = await generateKeyPair('RS256');
  let nonce = '';
  const configuration = new oidc.Configuration(
    { issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token` },
    'voiceplane',
    'client-secret',
  );
  configuration[oidc.customFetch] = async () => {
    const now = Math.floor(Date.now() / 1_000);
    const idToken = await new SignJWT({ email: 'olga@example.test', email_verified: true, nonce })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(ISSUER)
      .setAudience('voiceplane')
      .setSubject('subject-1')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(privateKey);
    return Response.json({ access_token: 'access-1', token_type: 'Bearer', id_token: idToken });
  };
  const rp: OidcRelyingParty = {
    settings: {
      issuerUrl: ISSUER,
      clientId: 'voiceplane',
      clientSecret: 'client-secret',
      displayName: 'Example',
      redirectUri: `${PUBLIC_BASE_URL}/api/auth/oidc/callback`,
    },
    configuration: async () => configuration,
  };
  const orm = { em: { fork: () => ({ transactional: () => Promise.reject(signInFailure) }) } };
  const deps = {
    oidc: configured ? rp : undefined,
    orm,
    auth: { tokenKey: new Uint8Array(32).fill(9), accessTtlMinutes: 15, refreshTtlDays: 30 },
    publicBaseUrl: PUBLIC_BASE_URL,
    secureCookies: true,
    loginRateLimitPerMinute: 100,
  } as unknown as AppDeps;

  const logs: { level: number; msg: string; code?: string }[] = [];
  const app = Fastify({ logger: { level: 'warn', stream: { write: (line: string) => logs.push(JSON.parse(line)) } } });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorsPlugin);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(oidcAuthRoutes, { prefix: '/api/auth/oidc', deps });
  await app.ready();

  /** "Sign in with …", then the provider's redirect back with a code for that flow. */
  async function roundTrip() {
    const start = await app.inject({ url: '/api/auth/oidc/start' });
    expect(start.statusCode).toBe(302);
    const location = new URL(String(start.headers.location));
    nonce = location.searchParams.get('nonce')!;
    const flow = start.cookies.find((c) => c.name === 'vp_oidc_flow')!.value;
    return app.inject({
      url: `/api/auth/oidc/callback?code=code-1&state=${location.searchParams.get('state')}`,
      cookies: { vp_oidc_flow: flow },
    });
  }
  return { app, logs, roundTrip };
}

const errorOf = (response: { statusCode: number; headers: Record<string, unknown> }) => {
  expect(response.statusCode).toBe(302);
  expect(response.headers['cache-control']).toBe('no-store');
  const location = new URL(String(response.headers.location));
  expect(`${location.origin}${location.pathname}`).toBe(`${PUBLIC_BASE_URL}/login`);
  return location.searchParams.get('error');
};

describe('OpenID Connect callback route', () => {
  it('sends a return without any query back to the sign-in page as expired, spending the flow cookie', async () => {
    const { app, logs } = await oidcApp(new Error('not reached'));
    const response = await app.inject({ url: '/api/auth/oidc/callback' });
    expect(errorOf(response)).toBe('oidc_expired');
    expect(response.cookies).toEqual([
      expect.objectContaining({ name: 'vp_oidc_flow', value: '', path: '/api/auth/oidc' }),
    ]);
    expect(logs.map(({ level, code }) => ({ level, code }))).toEqual([{ level: WARN, code: 'oidc_expired' }]);
    await app.close();
  });

  it('without a configured provider, sends the callback back too and offers no provider', async () => {
    const { app } = await oidcApp(new Error('not reached'), { configured: false });
    const response = await app.inject({ url: '/api/auth/oidc/callback?code=c&state=s' });
    expect(errorOf(response)).toBe('oidc_not_configured');
    expect(response.cookies.map((c) => [c.name, c.value])).toEqual([['vp_oidc_flow', '']]);
    expect((await app.inject({ url: '/api/auth/oidc/config' })).json()).toEqual({ enabled: false, displayName: null });
    await app.close();
  });

  it('says "unavailable" when the account cannot be opened because a service it needs is down', async () => {
    const { app, logs, roundTrip } = await oidcApp(
      new AppError('unavailable', 'The onboarding workflow could not be started'),
    );
    expect(errorOf(await roundTrip())).toBe('oidc_unavailable');
    expect(logs.map(({ level, msg }) => ({ level, msg }))).toEqual([
      { level: WARN, msg: 'OpenID Connect sign-in refused' },
    ]);
    await app.close();
  });

  it('says "failed" for any other error after the provider vouched, and logs it as an error', async () => {
    const { app, logs, roundTrip } = await oidcApp(new AppError('conflict', 'Something unexpected'));
    const response = await roundTrip();
    expect(errorOf(response)).toBe('oidc_failed');
    // No session was opened: only the spent flow cookie is set.
    expect(response.cookies.map((c) => c.name)).toEqual(['vp_oidc_flow']);
    expect(logs.map(({ level, msg }) => ({ level, msg }))).toEqual([
      { level: ERROR, msg: 'OpenID Connect sign-in failed unexpectedly' },
    ]);
    await app.close();
  });
});

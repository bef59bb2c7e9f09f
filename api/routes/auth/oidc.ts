import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OidcCallbackQuery, OidcLoginConfig } from '../../../contracts/oidc';
import type { OidcLoginError } from '../../../contracts/oidc-login-errors';
import { KNOWN_DEVICE_TTL_MS } from '../../../domain/auth/known-device';
import { OIDC_FLOW_TTL_MS } from '../../../domain/auth/oidc/oidc-flow';
import { OidcLoginFailure } from '../../../domain/auth/oidc/oidc-login-failure';
import { signInWithOidc } from '../../../domain/auth/oidc/sign-in-with-oidc';
import { startOidcLogin } from '../../../domain/auth/oidc/start-oidc-login';
import { verifyOidcCallback } from '../../../domain/auth/oidc/verify-oidc-callback';
import { AppError } from '../../../domain/errors/app-error';
import type { AppDeps } from '../../app-deps';
import { signInRateLimit } from './sign-in-rate-limit';
import { noBody, responds } from '../../responses';
import { setDeviceCookie, setSessionCookies } from '../../session-cookies';

/** The sealed state/nonce/PKCE flow (domain/auth/oidc/oidc-flow.ts); it only travels to these routes. */
const FLOW_COOKIE = 'vp_oidc_flow';
const FLOW_PATH = '/api/auth/oidc';

/**
 * "Sign in with OpenID Connect" (authorization code + PKCE). Both redirecting routes always end in a redirect: to
 * the provider or the portal, or back to the sign-in page with `?error=<code>` (contracts/oidc-login-errors.ts).
 */
export const oidcAuthRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['auth'];
  const rateLimit = signInRateLimit(deps);

  const toLogin = (reply: FastifyReply, code: OidcLoginError) =>
    reply.header('cache-control', 'no-store').redirect(`${deps.publicBaseUrl}/login?error=${code}`);

  const failed = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    const code = failureCode(error);
    if (code === 'oidc_failed' && !(error instanceof OidcLoginFailure)) {
      request.log.error({ err: error }, 'OpenID Connect sign-in failed unexpectedly');
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      request.log.warn({ code, detail }, 'OpenID Connect sign-in refused');
    }
    return toLogin(reply, code);
  };

  app.get(
    '/config',
    {
      schema: {
        tags,
        summary: 'Whether sign-in with OpenID Connect is offered, and the label of its button',
        response: responds({ 200: OidcLoginConfig }),
      },
    },
    async () =>
      ({
        enabled: deps.oidc !== undefined,
        displayName: deps.oidc?.settings.displayName ?? null,
      }) satisfies OidcLoginConfig,
  );

  app.get(
    '/start',
    {
      schema: {
        tags,
        summary: 'Begin sign-in with OpenID Connect: redirects to the identity provider',
        response: responds({
          302: noBody('To the provider (or back to the sign-in page with ?error= when it cannot be reached)'),
        }),
      },
      config: { rateLimit },
    },
    async (request, reply) => {
      if (!deps.oidc) return toLogin(reply, 'oidc_not_configured');
      try {
        const { authorizationUrl, flowCookie } = await startOidcLogin(deps.oidc, deps.auth.tokenKey);
        reply.setCookie(FLOW_COOKIE, flowCookie, {
          httpOnly: true,
          secure: deps.secureCookies,
          // Lax: the provider's redirect back is a top-level navigation from another site.
          sameSite: 'lax',
          path: FLOW_PATH,
          maxAge: Math.floor(OIDC_FLOW_TTL_MS / 1_000),
        });
        return reply.header('cache-control', 'no-store').redirect(authorizationUrl);
      } catch (error) {
        return failed(request, reply, error);
      }
    },
  );

  app.get(
    '/callback',
    {
      schema: {
        tags,
        summary: 'The identity provider’s redirect back: signs in (or signs up) and redirects to the portal',
        querystring: OidcCallbackQuery,
        response: responds({
          302: noBody('To the portal with the session cookies set, or to the sign-in page with ?error='),
        }),
      },
      config: { rateLimit },
    },
    async (request, reply) => {
      // A flow is good for one return only.
      reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
      if (!deps.oidc) return toLogin(reply, 'oidc_not_configured');
      try {
        const query = request.url.slice(request.url.indexOf('?') + 1 || request.url.length);
        const identity = await verifyOidcCallback(deps.oidc, deps.auth.tokenKey, {
          query,
          flowCookie: request.cookies[FLOW_COOKIE],
        });
        const session = await signInWithOidc(deps, identity);
        setSessionCookies(reply, session, deps.secureCookies);
        setDeviceCookie(reply, session.deviceToken, deps.secureCookies, KNOWN_DEVICE_TTL_MS);
        return reply.header('cache-control', 'no-store').redirect(`${deps.publicBaseUrl}/portal`);
      } catch (error) {
        return failed(request, reply, error);
      }
    },
  );
};

function failureCode(error: unknown): OidcLoginError {
  if (error instanceof OidcLoginFailure) return error.code;
  // The onboarding workflow could not be started for a new organisation (nothing was kept).
  if (error instanceof AppError && error.code === 'unavailable') return 'oidc_unavailable';
  return 'oidc_failed';
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Tenant } from '../../../db/entities';
import { inScope } from '../../../db/scope';
import { KNOWN_DEVICE_TTL_MS } from '../../../domain/auth/known-device';
import { logout } from '../../../domain/auth/logout';
import { refreshSession } from '../../../domain/auth/refresh-session';
import { signIn, SignInDelayedError } from '../../../domain/auth/sign-in';
import { AppError } from '../../../domain/errors/app-error';
import { registerTenant } from '../../../domain/tenants/register-tenant';
import { RegisterBody } from '../../../domain/tenants/tenant-schemas';
import { toTenantView } from '../../../domain/tenants/tenant-view';
import { verifyTenantEmail } from '../../../domain/tenants/verify-tenant-email';
import { getUserView } from '../../../domain/users/get-user-view';
import type { AppDeps } from '../../app-deps';
import { clientKey } from '../../client-address';
import { actorOf } from '../../plugins/auth';
import {
  clearSessionCookies,
  DEVICE_COOKIE,
  REFRESH_COOKIE,
  setDeviceCookie,
  setSessionCookies,
} from '../../session-cookies';

const LoginBody = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });

export const authRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets session cookies and returns the access token',
        body: LoginBody,
      },
      config: {
        rateLimit: {
          // Per client address (the real one: only the web proxy's X-Forwarded-For is trusted); guesses spread
          // over many addresses meet the per-account backoff in signIn instead.
          max: deps.loginRateLimitPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (request) => clientKey(request.ip),
          errorResponseBuilder: (_request, context) =>
            new AppError('rate_limited', `Too many sign-in attempts; try again in ${context.after}`),
        },
      },
    },
    async (request, reply) => {
      try {
        const session = await signIn(deps, { ...request.body, deviceToken: request.cookies[DEVICE_COOKIE] });
        setSessionCookies(reply, session, deps.secureCookies);
        setDeviceCookie(reply, session.deviceToken, deps.secureCookies, KNOWN_DEVICE_TTL_MS);
        return {
          user: session.user,
          accessToken: session.accessToken,
          tokenType: 'Bearer',
          expiresAt: session.accessExpiresAt.toISOString(),
        };
      } catch (error) {
        if (error instanceof SignInDelayedError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
    },
  );

  app.post(
    '/refresh',
    { schema: { tags: ['auth'], summary: 'Rotate the refresh cookie and get a new access token' } },
    async (request, reply) => {
      const token = request.cookies[REFRESH_COOKIE];
      if (!token) throw new AppError('unauthorized', 'No session to refresh; please sign in');
      try {
        const session = await refreshSession(deps, token);
        setSessionCookies(reply, session, deps.secureCookies);
        return {
          accessToken: session.accessToken,
          tokenType: 'Bearer',
          expiresAt: session.accessExpiresAt.toISOString(),
        };
      } catch (error) {
        clearSessionCookies(reply);
        throw error;
      }
    },
  );

  app.post(
    '/logout',
    { schema: { tags: ['auth'], summary: 'End the session family and clear cookies' } },
    async (request, reply) => {
      await logout(deps, request.cookies[REFRESH_COOKIE]);
      clearSessionCookies(reply);
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user and their tenant' }, preHandler: app.requireActor },
    async (request) => {
      const actor = actorOf(request);
      const user = await getUserView(deps, actor);
      const tenant = actor.tenantId
        ? await inScope(deps.orm, { tenantId: actor.tenantId }, (em) => em.findOne(Tenant, { id: actor.tenantId! }))
        : null;
      return { user, tenant: tenant ? toTenantView(tenant) : null };
    },
  );

  app.post(
    '/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Self-service sign-up: a new tenant and its first admin, pending until the email is confirmed',
        description:
          'Answers the same 202 whether or not the email already has an account (its owner is told by mail).',
        body: RegisterBody,
      },
      config: {
        rateLimit: {
          max: deps.loginRateLimitPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (request) => clientKey(request.ip),
        },
      },
    },
    async (request, reply) => {
      await registerTenant(deps, request.body);
      return reply.status(202).send({ message: 'Check your inbox: we have sent you an email to continue.' });
    },
  );

  app.get(
    '/verify',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm a tenant email address from the link in the verification email',
        querystring: z.object({ token: z.string().min(20).max(200) }),
      },
    },
    async (request, reply) => {
      const result = await verifyTenantEmail(deps, request.query.token);
      if (request.headers.accept?.includes('text/html')) {
        return reply.redirect(`${deps.publicBaseUrl}/login?verified=1`);
      }
      return { ...result, verified: true };
    },
  );
};

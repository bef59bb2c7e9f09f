import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccessToken,
  EmailVerified,
  LoginBody,
  Me,
  RegisterBody,
  RegistrationAccepted,
  SignedIn,
  VerifyEmailQuery,
} from '../../../contracts/auth';
import { PlanList } from '../../../contracts/billing';
import type { IssuedSession } from '../../../domain/auth/issue-session';
import { KNOWN_DEVICE_TTL_MS } from '../../../domain/auth/known-device';
import { logout } from '../../../domain/auth/logout';
import { refreshSession } from '../../../domain/auth/refresh-session';
import { signIn, SignInDelayedError } from '../../../domain/auth/sign-in';
import { AppError } from '../../../domain/errors/app-error';
import { listSignupPlans } from '../../../domain/tenants/list-signup-plans';
import { registerTenant } from '../../../domain/tenants/register-tenant';
import { startSignupCheckout } from '../../../domain/tenants/start-signup-checkout';
import { verifyTenantEmail } from '../../../domain/tenants/verify-tenant-email';
import { getMe } from '../../../domain/users/get-me';
import type { AppDeps } from '../../app-deps';
import { signInRateLimit } from './sign-in-rate-limit';
import { actorOf } from '../../plugins/auth';
import { noBody, responds } from '../../responses';
import {
  clearSessionCookies,
  DEVICE_COOKIE,
  REFRESH_COOKIE,
  setDeviceCookie,
  setSessionCookies,
} from '../../session-cookies';

/** The part of a session a client sends as `Authorization: Bearer`. */
const accessTokenOf = (session: IssuedSession): AccessToken => ({
  accessToken: session.accessToken,
  tokenType: 'Bearer',
  expiresAt: session.accessExpiresAt.toISOString(),
});

export const authRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['auth'];

  app.post(
    '/login',
    {
      schema: {
        tags,
        summary: 'Sign in; sets session cookies and returns the access token',
        body: LoginBody,
        response: responds({ 200: SignedIn }),
      },
      config: {
        rateLimit: signInRateLimit(deps),
      },
    },
    async (request, reply) => {
      try {
        const session = await signIn(deps, { ...request.body, deviceToken: request.cookies[DEVICE_COOKIE] });
        setSessionCookies(reply, session, deps.secureCookies);
        setDeviceCookie(reply, session.deviceToken, deps.secureCookies, KNOWN_DEVICE_TTL_MS);
        return { ...accessTokenOf(session), user: session.user };
      } catch (error) {
        if (error instanceof SignInDelayedError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
    },
  );

  app.post(
    '/refresh',
    {
      schema: {
        tags,
        summary: 'Rotate the refresh cookie and get a new access token',
        response: responds({ 200: AccessToken }),
      },
    },
    async (request, reply) => {
      const token = request.cookies[REFRESH_COOKIE];
      if (!token) throw new AppError('unauthorized', 'No session to refresh; please sign in');
      try {
        const session = await refreshSession(deps, token);
        setSessionCookies(reply, session, deps.secureCookies);
        return accessTokenOf(session);
      } catch (error) {
        clearSessionCookies(reply);
        throw error;
      }
    },
  );

  app.post(
    '/logout',
    {
      schema: {
        tags,
        summary: 'End the session family and clear cookies',
        response: responds({ 204: noBody('Signed out (also when there was no session)') }),
      },
    },
    async (request, reply) => {
      await logout(deps, request.cookies[REFRESH_COOKIE]);
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      schema: { tags, summary: 'The signed-in user and their tenant', response: responds({ 200: Me }) },
      preHandler: app.requireActor,
    },
    async (request) => getMe(deps, actorOf(request)),
  );

  app.post(
    '/register',
    {
      schema: {
        tags,
        summary: 'Self-service sign-up: a new tenant and its first admin, pending until the email is confirmed',
        description:
          'Answers the same 202 whether or not the email already has an account (its owner is told by mail).',
        body: RegisterBody,
        response: responds({ 202: RegistrationAccepted }),
      },
      config: {
        rateLimit: signInRateLimit(deps),
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
        tags,
        summary: 'Confirm a tenant email address from the link in the verification email',
        querystring: VerifyEmailQuery,
        response: responds({
          200: EmailVerified,
          302: noBody(
            'A browser (Accept: text/html) is sent on to Checkout for a paid plan chosen at sign-up, else to sign in',
          ),
        }),
      },
    },
    async (request, reply) => {
      const result = await verifyTenantEmail(deps, request.query.token);
      const { planCode, checkoutUrl } = await startSignupCheckout(
        { orm: deps.orm, sessions: deps.billingSessions, webBaseUrl: deps.publicBaseUrl },
        { tenantId: result.tenantId },
      );
      if (request.headers.accept?.includes('text/html')) {
        // A paid plan chosen at sign-up: straight on to its Checkout; otherwise sign in to the onboarding page.
        return reply.redirect(checkoutUrl ?? `${deps.publicBaseUrl}/login?verified=1&redirectTo=%2Fregister%2Fwelcome`);
      }
      return { ...result, verified: true, planCode, checkoutUrl } satisfies EmailVerified;
    },
  );

  app.get(
    '/signup-plans',
    {
      schema: {
        tags,
        summary: 'The plans a new customer may choose at sign-up (public): fee, features, limits and prices',
        response: responds({ 200: PlanList }),
      },
    },
    async () => listSignupPlans(deps),
  );
};

import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Orm } from '../../db/orm';
import type { Actor } from '../../domain/auth/actor';
import { authenticate } from '../../domain/auth/authenticate';
import { csrfTokenBelongsTo, sameSecret } from '../../domain/auth/csrf-token';
import { refreshSessionOwner } from '../../domain/auth/refresh-session-owner';
import { can, type Permission } from '../../contracts/grants';
import { assertTenantAccess } from '../../domain/auth/permissions';
import { AppError } from '../../domain/errors/app-error';
import { ACCESS_COOKIE, CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE } from '../session-cookies';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    authVia: 'bearer' | 'cookie' | null;
  }
  interface FastifyInstance {
    requireActor: (request: FastifyRequest) => Promise<void>;
    requirePermission: (permission: Permission) => (request: FastifyRequest) => Promise<void>;
    requireTenantParamAccess: (request: FastifyRequest) => Promise<void>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Signing in must work even when the browser still holds stale cookies of an earlier session. */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/register']);

/**
 * Resolves the caller from `Authorization: Bearer` or the access cookie, and enforces the double-submit CSRF
 * check on cookie-authenticated changes (bearer clients are not exposed to CSRF).
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { orm: Orm; tokenKey: Uint8Array }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie = request.cookies[ACCESS_COOKIE];
    const usesCookies = !bearer && (cookie !== undefined || request.cookies[REFRESH_COOKIE] !== undefined);
    const path = request.url.split('?')[0]!;

    const token = bearer ?? cookie;
    request.actor = token ? await authenticate(opts, token) : null;
    request.authVia = request.actor ? (bearer ? 'bearer' : 'cookie') : null;
    if (!request.actor && bearer) throw new AppError('unauthorized', 'The access token is invalid or expired');

    if (usesCookies && !SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(path)) {
      const sent = request.headers[CSRF_HEADER];
      const expected = request.cookies[CSRF_COOKIE];
      // The token must have been issued to the session's user: the signed-in actor, or for refresh and logout
      // (access cookie expired) the owner of the refresh token. A pair planted by a sibling origin names nobody.
      // Without any live session there is nothing to forge: such a refresh or logout fails or does nothing.
      // The cheap checks first: a request without a matching header costs no session look-up.
      const paired = typeof sent === 'string' && expected !== undefined && sameSecret(sent, expected);
      const refreshToken = request.cookies[REFRESH_COOKIE];
      const owner = !paired
        ? null
        : (request.actor?.userId ?? (refreshToken ? await refreshSessionOwner(opts.orm, refreshToken) : null));
      if (!paired || (owner !== null && !csrfTokenBelongsTo(opts.tokenKey, expected, owner))) {
        throw new AppError('forbidden', `Missing or wrong ${CSRF_HEADER} header for a cookie-authenticated request`);
      }
    }
  });

  app.decorate('requireActor', async (request: FastifyRequest) => {
    if (!request.actor) throw new AppError('unauthorized', 'Sign in to continue');
  });

  // Another tenant's resources answer 404 before any role check could answer 403.
  app.decorate('requireTenantParamAccess', async (request: FastifyRequest) => {
    if (!request.actor) throw new AppError('unauthorized', 'Sign in to continue');
    const tenantId = (request.params as { id?: unknown }).id;
    if (typeof tenantId === 'string') assertTenantAccess(request.actor, tenantId);
  });

  app.decorate('requirePermission', (permission: Permission) => async (request: FastifyRequest) => {
    if (!request.actor) throw new AppError('unauthorized', 'Sign in to continue');
    if (!can(request.actor.role, permission)) {
      throw new AppError('forbidden', `Your role (${request.actor.role}) may not do this (${permission})`);
    }
  });
});

/** The signed-in actor of a request that passed `requireActor`. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthorized', 'Sign in to continue');
  return request.actor;
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { TENANT_SLUG_HEADER } from '../../contracts/branding';
import { isPlatformRole } from '../../contracts/roles';
import type { Orm } from '../../db/orm';
import { notFound } from '../../domain/errors/app-error';
import { findTenantBySlug } from '../../domain/tenants/find-tenant-by-slug';
import { resolveTenantHint } from '../../domain/tenants/resolve-tenant-hint';

declare module 'fastify' {
  interface FastifyRequest {
    /** The tenant the request's subdomain or `X-Tenant-Slug` header names, once checked against the session. */
    tenantHint: { id: string; slug: string } | null;
  }
}

/** Signing out must work from any host, whichever tenant it names. */
const HINT_EXEMPT = new Set(['/api/auth/logout']);

/** Whether a route's querystring schema (a zod object) has a `tenantId` for staff to choose a tenant with. */
const takesTenantQuery = (request: FastifyRequest): boolean => {
  const shape = (request.routeOptions.schema?.querystring as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape !== undefined && 'tenantId' in shape;
};

/**
 * Tenant resolution by subdomain (`<slug>.<PUBLIC_BASE_DOMAIN>`) and the `X-Tenant-Slug` header (seed 003 S6.2),
 * for signed-in requests, after the auth plugin. The hint only ever narrows: a customer whose session belongs to
 * another tenant, or any caller naming an unknown tenant, gets 404 (other tenants are never confirmed to exist);
 * platform staff are narrowed to the named tenant wherever a request chooses one (`?tenantId=`, a tenant path
 * parameter, a body's `tenantId`), and lists that take `?tenantId=` show only that tenant. Requests without a
 * session (sign-in, the public branding, webhooks) are left alone.
 */
export const tenantHintPlugin = fp(async (app: FastifyInstance, opts: { orm: Orm; baseDomain?: string }) => {
  app.decorateRequest('tenantHint', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const actor = request.actor;
    if (!actor || HINT_EXEMPT.has(request.url.split('?')[0]!)) return;
    const slug = resolveTenantHint({
      host: request.host,
      header: request.headers[TENANT_SLUG_HEADER],
      baseDomain: opts.baseDomain,
    });
    if (!slug) return;
    const tenant = await findTenantBySlug(opts, slug, 'tenant-hint');
    if (!tenant || (!isPlatformRole(actor.role) && tenant.id !== actor.tenantId)) throw notFound('Tenant');
    request.tenantHint = tenant;
  });

  // Staff only (a customer's hint is their own tenant by now). Before validation, so a filled-in `tenantId` is
  // validated like one the caller sent.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const hint = request.tenantHint;
    if (!hint || !request.actor || !isPlatformRole(request.actor.role)) return;
    const query = request.query as Record<string, unknown>;
    const params = request.params as Record<string, unknown>;
    const body = request.body as Record<string, unknown> | null | undefined;
    const chosen = [
      query.tenantId,
      params.tenantId,
      request.routeOptions.url?.startsWith('/api/tenants/:id') ? params.id : undefined,
      body && typeof body === 'object' ? body.tenantId : undefined,
    ];
    if (chosen.some((tenantId) => typeof tenantId === 'string' && tenantId !== hint.id)) throw notFound('Tenant');
    if (query.tenantId === undefined && takesTenantQuery(request)) query.tenantId = hint.id;
  });
});

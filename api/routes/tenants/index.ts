import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createTenant } from '../../../domain/tenants/create-tenant';
import { getOnboardingProgress } from '../../../domain/tenants/get-onboarding-progress';
import { getTenant } from '../../../domain/tenants/get-tenant';
import { listTenants } from '../../../domain/tenants/list-tenants';
import { CreateTenantBody } from '../../../domain/tenants/tenant-schemas';
import { TENANT_STATUSES } from '../../../domain/tenants/tenant-status';
import { PageQuery } from '../../../domain/pagination';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';

const TenantParams = z.object({ id: z.uuid() });

export const tenantRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.addHook('preHandler', app.requireTenantParamAccess);
  app.get(
    '/',
    {
      schema: {
        tags: ['tenants'],
        summary: 'Tenants: all for platform staff, only their own for customers',
        querystring: PageQuery.extend({ status: z.enum(TENANT_STATUSES).optional() }),
      },
      preHandler: app.requirePermission('tenants:read'),
    },
    async (request) => {
      const { status, ...page } = request.query;
      return listTenants(deps, { actor: actorOf(request), page, status });
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['tenants'],
        summary: 'Create a tenant and start its onboarding workflow',
        body: CreateTenantBody,
      },
      preHandler: app.requirePermission('tenants:create'),
    },
    async (request, reply) => {
      const created = await createTenant(deps, { actor: actorOf(request), input: request.body });
      return reply.status(201).send({
        ...created.tenant,
        onboarding: { workflowId: created.workflowId, workflowUrl: deps.onboarding.link(created.tenant.id) },
      });
    },
  );

  app.get(
    '/:id',
    { schema: { tags: ['tenants'], params: TenantParams }, preHandler: app.requirePermission('tenants:read') },
    async (request) => getTenant(deps, { actor: actorOf(request), tenantId: request.params.id }),
  );

  app.get(
    '/:id/onboarding',
    {
      schema: { tags: ['tenants'], summary: 'Current onboarding step, live from the workflow', params: TenantParams },
      preHandler: app.requirePermission('tenants:read'),
    },
    async (request) => getOnboardingProgress(deps, { actor: actorOf(request), tenantId: request.params.id }),
  );
};

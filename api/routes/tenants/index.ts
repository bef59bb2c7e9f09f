import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OffboardingRunView } from '../../../contracts/offboarding';
import { PageQuery, pageOf } from '../../../contracts/page';
import {
  CreatedTenant,
  CreateTenantBody,
  DeactivateTenantBody,
  ManualVerification,
  OnboardingProgress,
  ReactivateTenantBody,
  TenantListQuery,
  TenantView,
  VerificationResent,
} from '../../../contracts/tenants';
import { createTenant } from '../../../domain/tenants/create-tenant';
import { deactivateTenant } from '../../../domain/tenants/deactivate-tenant';
import { getOnboardingProgress } from '../../../domain/tenants/get-onboarding-progress';
import { getTenant } from '../../../domain/tenants/get-tenant';
import { listTenants } from '../../../domain/tenants/list-tenants';
import { getOffboardingRun } from '../../../domain/offboarding/get-offboarding-run';
import { startOffboarding } from '../../../domain/offboarding/start-offboarding';
import { reactivateTenant } from '../../../domain/tenants/reactivate-tenant';
import { resendVerificationEmail } from '../../../domain/tenants/resend-verification-email';
import { verifyTenantManually } from '../../../domain/tenants/verify-tenant-manually';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

const TenantParams = z.object({ id: z.uuid() });

export const tenantRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['tenants'];
  app.addHook('preHandler', app.requireTenantParamAccess);

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Tenants: all for platform staff, only their own for customers',
        querystring: PageQuery.extend(TenantListQuery.shape),
        response: responds({ 200: pageOf(TenantView) }),
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
        tags,
        summary: 'Create a tenant and start its onboarding workflow',
        body: CreateTenantBody,
        response: responds({ 201: CreatedTenant }),
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
    {
      schema: { tags, summary: 'One tenant', params: TenantParams, response: responds({ 200: TenantView }) },
      preHandler: app.requirePermission('tenants:read'),
    },
    async (request) => getTenant(deps, { actor: actorOf(request), tenantId: request.params.id }),
  );

  app.get(
    '/:id/onboarding',
    {
      schema: {
        tags,
        summary: 'Current onboarding step, live from the workflow',
        params: TenantParams,
        response: responds({ 200: OnboardingProgress }),
      },
      preHandler: app.requirePermission('tenants:read'),
    },
    async (request) => getOnboardingProgress(deps, { actor: actorOf(request), tenantId: request.params.id }),
  );

  app.post(
    '/:id/deactivate',
    {
      schema: {
        tags,
        summary: 'Suspend an active tenant: its sessions end at once, sign-in and its calls are refused',
        description: 'Only an active tenant can be deactivated; any other status answers 409.',
        params: TenantParams,
        body: DeactivateTenantBody,
        response: responds({ 200: TenantView }),
      },
      preHandler: app.requirePermission('tenants:lifecycle'),
    },
    async (request) =>
      deactivateTenant(deps, { actor: actorOf(request), tenantId: request.params.id, reason: request.body.reason }),
  );

  app.post(
    '/:id/reactivate',
    {
      schema: {
        tags,
        summary: 'Lift a suspension: the tenant is active again and its users can sign in',
        description: 'Only a suspended tenant can be reactivated; any other status answers 409.',
        params: TenantParams,
        body: ReactivateTenantBody.nullish(),
        response: responds({ 200: TenantView }),
      },
      preHandler: app.requirePermission('tenants:lifecycle'),
    },
    async (request) =>
      reactivateTenant(deps, { actor: actorOf(request), tenantId: request.params.id, reason: request.body?.reason }),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Offboard a tenant: export, release everything at providers, then delete every row of it',
        description:
          'Starts the offboarding workflow and answers 202 with its run: the tenant is offboarding at once ' +
          '(sessions end, sign-in and calls are refused). 409 while a run is under way or after it finished; a ' +
          'failed run is resumed. Follow it with GET /api/tenants/:id/offboarding.',
        params: TenantParams,
        response: responds({ 202: OffboardingRunView }),
      },
      preHandler: app.requirePermission('tenants:offboard'),
    },
    async (request, reply) =>
      reply.status(202).send(await startOffboarding(deps, { actor: actorOf(request), tenantId: request.params.id })),
  );

  app.get(
    '/:id/offboarding',
    {
      schema: {
        tags,
        summary: "A tenant's offboarding run, step by step; it answers after the tenant's rows are gone",
        params: TenantParams,
        response: responds({ 200: OffboardingRunView }),
      },
      preHandler: app.requirePermission('tenants:offboard'),
    },
    async (request) => getOffboardingRun(deps, { actor: actorOf(request), tenantId: request.params.id }),
  );

  app.post(
    '/:id/verification/resend',
    {
      schema: {
        tags,
        summary: 'Send a pending tenant a new verification link; earlier links stop working, the deadline stays',
        params: TenantParams,
        response: responds({ 202: VerificationResent }),
      },
      preHandler: app.requirePermission('tenants:verify'),
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await resendVerificationEmail(deps, { actor: actorOf(request), tenantId: request.params.id })),
  );

  app.post(
    '/:id/verify',
    {
      schema: {
        tags,
        summary: "Confirm a pending tenant's email by hand; its onboarding workflow then activates it",
        params: TenantParams,
        response: responds({ 202: ManualVerification }),
      },
      preHandler: app.requirePermission('tenants:verify'),
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await verifyTenantManually(deps, { actor: actorOf(request), tenantId: request.params.id })),
  );
};

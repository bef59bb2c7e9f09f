import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangePlanBody,
  PlanChangeView,
  PlanList,
  SubscriptionQuery,
  SubscriptionView,
  TenantPlanParams,
} from '../../../contracts/billing';
import { changeTenantPlan } from '../../../domain/billing/change-tenant-plan';
import { getSubscription } from '../../../domain/billing/get-subscription';
import { listPlans } from '../../../domain/billing/list-plans';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

/** Plans (the price list), a tenant's subscription with usage against its limits, and plan changes. */
export const billingRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['billing'];

  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Every plan: monthly fee, features, limits, included usage and prices per usage kind',
        response: responds({ 200: PlanList }),
      },
      preHandler: app.requirePermission('plans:read'),
    },
    async (request) => listPlans(deps, { actor: actorOf(request) }),
  );

  app.get(
    '/billing/subscription',
    {
      schema: {
        tags,
        summary:
          'A tenant’s subscription this month: plan, status, usage against every limit, invoice estimate so far ' +
          '(customers: their own; platform staff: ?tenantId=)',
        querystring: SubscriptionQuery,
        response: responds({ 200: SubscriptionView }),
      },
      preHandler: app.requirePermission('billing:read'),
    },
    async (request) => getSubscription(deps, { actor: actorOf(request), tenantId: request.query.tenantId }),
  );

  app.put(
    '/tenants/:tenantId/plan',
    {
      schema: {
        tags,
        summary: 'Move a tenant to another plan (platform admins; audited)',
        params: TenantPlanParams,
        body: ChangePlanBody,
        response: responds({ 200: PlanChangeView }),
      },
      preHandler: app.requireActor,
    },
    async (request) =>
      changeTenantPlan(deps, {
        actor: actorOf(request),
        tenantId: request.params.tenantId,
        planCode: request.body.planCode,
      }),
  );
};

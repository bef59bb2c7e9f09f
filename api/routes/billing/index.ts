import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangePlanBody,
  CheckoutBody,
  CheckoutSessionView,
  PlanChangeView,
  PlanList,
  PortalSessionView,
  SubscriptionQuery,
  SubscriptionView,
  TenantPlanParams,
} from '../../../contracts/billing';
import { changeTenantPlan } from '../../../domain/billing/change-tenant-plan';
import { getSubscription } from '../../../domain/billing/get-subscription';
import { listPlans } from '../../../domain/billing/list-plans';
import { openBillingPortal } from '../../../domain/billing/open-billing-portal';
import { startCheckout } from '../../../domain/billing/start-checkout';
import { AppError } from '../../../domain/errors/app-error';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

/**
 * Plans (the price list), a tenant's subscription with usage against its limits, plan changes, and the customer's
 * way to Stripe: Checkout to upgrade, the customer portal to manage the subscription.
 */
export const billingRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['billing'];
  const sessions = () => {
    if (!deps.billingSessions) throw new AppError('unavailable', 'Stripe sessions are not wired in this process');
    return { orm: deps.orm, sessions: deps.billingSessions, webBaseUrl: deps.publicBaseUrl };
  };

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

  app.post(
    '/billing/checkout',
    {
      schema: {
        tags,
        summary: 'Upgrade to a paid plan through Stripe Checkout (the tenant’s own admin)',
        description:
          'Answers the hosted Checkout page to send the browser to; the plan changes when Stripe reports the ' +
          'completed session (`checkout.session.completed`). 409 for the current plan or a subscription already ' +
          'on Stripe (change it in the portal), 422 for a plan Checkout does not sell.',
        body: CheckoutBody,
        response: responds({ 200: CheckoutSessionView }),
      },
      preHandler: app.requirePermission('billing:manage'),
    },
    async (request) =>
      startCheckout(sessions(), {
        actor: actorOf(request),
        planCode: request.body.planCode,
        returnTo: request.body.returnTo,
      }),
  );

  app.post(
    '/billing/portal',
    {
      schema: {
        tags,
        summary: 'Open the Stripe customer portal: card, invoices, plan switch, cancellation (the tenant’s own admin)',
        description: '409 when the tenant has no Stripe customer yet.',
        response: responds({ 200: PortalSessionView }),
      },
      preHandler: app.requirePermission('billing:manage'),
    },
    async (request) => openBillingPortal(sessions(), { actor: actorOf(request) }),
  );

  app.put(
    '/tenants/:tenantId/plan',
    {
      schema: {
        tags,
        summary: 'Move a tenant to another plan (platform admins; audited; a Stripe subscription follows)',
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

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrganizationAnalytics, OrganizationAnalyticsQuery, PlatformStats } from '../../../contracts/analytics';
import { organizationAnalytics } from '../../../domain/conversations/organization-analytics';
import { platformStats } from '../../../domain/conversations/platform-stats';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

/** Statistics of monitored ElevenLabs calls: one organisation's dashboard, and the platform's across tenants. */
export const analyticsRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['analytics'];

  app.get(
    '/organization',
    {
      schema: {
        tags,
        summary:
          'An organisation’s calls over a day range: totals, estimated cost, daily volume, per-agent duration ' +
          'percentiles (customers: their own; platform staff: ?tenantId=)',
        querystring: OrganizationAnalyticsQuery,
        response: responds({ 200: OrganizationAnalytics }),
      },
      preHandler: app.requirePermission('calls:read'),
    },
    async (request) => organizationAnalytics(deps, { actor: actorOf(request), query: request.query }),
  );

  app.get(
    '/platform',
    {
      schema: {
        tags,
        summary: 'Monitoring across every tenant: active integrations, agents, calls today and in 30 days, top tenants',
        response: responds({ 200: PlatformStats }),
      },
      preHandler: app.requirePermission('platform:stats'),
    },
    async (request) => platformStats(deps, { actor: actorOf(request) }),
  );
};

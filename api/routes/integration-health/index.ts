import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IntegrationHealthReport } from '../../../contracts/integration-health';
import { IntegrationQuery } from '../../../contracts/integrations';
import { getIntegrationHealth } from '../../../domain/integrations/health/get-integration-health';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

/** Whether each of the tenant's integrations is configured and reachable right now (seed 003 S3.3). */
export const integrationHealthRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Health of the tenant’s integrations: configured, reachable, last sync, error (staff: ?tenantId=)',
        description:
          'ElevenLabs (the tenant’s key), Twilio (its numbers), Stripe (its billing customer) and mail (its sender ' +
          'over the platform’s SMTP server), checked at once with a time limit each. A failing check is an answer ' +
          '(`reachable: false` with `error`), not an error.',
        querystring: IntegrationQuery,
        response: responds({ 200: IntegrationHealthReport }),
      },
      preHandler: app.requirePermission('integrations:health'),
    },
    async (request) =>
      getIntegrationHealth(
        { ...deps, onUnexpected: (error) => request.log.error({ err: error }, 'integration health check failed') },
        { actor: actorOf(request), tenantId: request.query.tenantId },
      ),
  );
};

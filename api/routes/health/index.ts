import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthReport } from '../../../contracts/health';
import { checkHealth } from '../../../domain/health/check-health';
import type { AppDeps } from '../../app-deps';
import { responds } from '../../responses';

/** Liveness of the platform's parts; 503 when the database or Temporal is down, so load balancers notice. */
export const healthRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Database, Temporal and worker status',
        response: responds({ 200: HealthReport, 503: HealthReport }),
      },
    },
    async (_request, reply) => {
      const report = await checkHealth(deps);
      return reply.status(report.status === 'down' ? 503 : 200).send(report);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthReport, LivenessReport, ReadinessReport } from '../../../contracts/health';
import { checkHealth } from '../../../domain/health/check-health';
import { checkReadiness } from '../../../domain/health/check-readiness';
import type { AppDeps } from '../../app-deps';
import { responds } from '../../responses';

/**
 * Three questions: `/health/live` (is the process up; container and Heroku health checks, restart on failure),
 * `/health/ready` (may it take traffic; load balancers, deploy gates) and `/health` (every part and the workers,
 * for people and the status page; 503 when the database or Temporal is down).
 */
export const healthRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/health/live',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers (asks no dependency)',
        response: responds({ 200: LivenessReport }),
      },
    },
    async () => ({ status: 'alive' as const, uptimeSeconds: Math.round(process.uptime()) }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database and Temporal answer and every migration is applied',
        description: 'A 503 problem names what is down in its `detail` and, comma-separated, in `down`.',
        response: responds({ 200: ReadinessReport }),
      },
    },
    async (request) =>
      checkReadiness(deps, {
        onProbeError: (check, error) => request.log.warn({ check, err: error }, 'readiness check failed'),
      }),
  );

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

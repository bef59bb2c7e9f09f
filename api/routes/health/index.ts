import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inScope } from '../../../db/scope';
import type { AppDeps } from '../../app-deps';

/** Liveness of the platform's parts; 503 when the database or Temporal is down, so load balancers notice. */
export const healthRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/health',
    { schema: { tags: ['health'], summary: 'Database, Temporal and worker status' } },
    async (_request, reply) => {
      const started = Date.now();
      const db = await inScope(deps.orm, { system: 'health' }, (em) => em.execute('select 1'))
        .then(() => ({ ok: true, latencyMs: Date.now() - started }))
        .catch((error: Error) => ({ ok: false, detail: error.message }));
      const [temporal, workers] = await Promise.all([
        deps.health.temporal().catch((error: Error) => ({ ok: false, detail: error.message })),
        deps.health.workers().catch((error: Error) => ({ ok: false, pollers: 0, detail: error.message })),
      ]);
      const status = db.ok && temporal.ok ? (workers.ok ? 'ok' : 'degraded') : 'down';
      return reply.status(status === 'down' ? 503 : 200).send({ status, checks: { db, temporal, workers } });
    },
  );
};

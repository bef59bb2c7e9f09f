import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { faultGate } from '../fault-gate';
import { findHerokuApp } from './state';

/**
 * Stands in for the deployed bot itself: healthy only once its build succeeded and a web dyno runs,
 * which is exactly what provisioning has to wait for.
 */
export async function simAppRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const gate = faultGate(sim, (reply, fault) =>
    reply.code(fault.status).send({ status: 'failing', message: fault.message ?? 'Simulated health failure' }),
  );

  app.get<{ Params: { app: string } }>(
    '/sim-apps/:app/health',
    { preHandler: gate('app.health') },
    async (request, reply) => {
      const heroku = sim.state.heroku;
      const found = findHerokuApp(heroku, request.params.app);
      if (!found) return reply.code(404).send({ status: 'missing', message: 'No such application' });
      const setup = heroku.setups.get(found.setupId);
      const dynos = found.formation.get('web')?.quantity ?? 0;
      if (setup?.status !== 'succeeded') {
        return reply.code(503).send({ status: 'starting', message: `Build ${setup?.status ?? 'missing'}` });
      }
      if (dynos < 1) return reply.code(503).send({ status: 'stopped', message: 'No web dynos running' });
      const { TENANT_ID = null, BOT_ID = null } = found.configVars;
      return { status: 'ok', app: found.name, config: { TENANT_ID, BOT_ID } };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { appRoutes } from './app-routes';
import { appSetupRoutes } from './app-setup-routes';
import { herokuError } from './errors';

/** The Heroku Platform API subset, mounted under `/heroku`. Any credential passes; a missing one does not. */
export async function herokuRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.headers.authorization) {
      return herokuError(reply, 401, 'unauthorized', 'Invalid credentials provided.');
    }
  });
  await app.register(appSetupRoutes, { sim });
  await app.register(appRoutes, { sim });
}

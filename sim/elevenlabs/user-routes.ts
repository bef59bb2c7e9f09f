import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { callerOf } from './auth';
import { renderSubscription, renderUser } from './render';
import { routeKit } from './route-kit';
import { keyPreview } from './state';

/** `GET /v1/user` and `/v1/user/subscription`: both need `user_read`, which keys restricted to Agents lack. */
export async function userRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const { on, elevenlabs } = routeKit(sim);

  app.get('/v1/user', on('elevenlabs.getUser', 'user_read'), async (request) => {
    const { key, account } = callerOf(request);
    return renderUser(elevenlabs(), account, keyPreview(key.key));
  });

  app.get('/v1/user/subscription', on('elevenlabs.getSubscription', 'user_read'), async (request) =>
    renderSubscription(elevenlabs(), callerOf(request).account),
  );
}

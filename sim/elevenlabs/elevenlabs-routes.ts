import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { agentRoutes } from './agent-routes';
import { authenticate } from './auth';
import { conversationRoutes } from './conversation-routes';
import { userRoutes } from './user-routes';

/**
 * The ElevenLabs API subset under `/elevenlabs`, where the SDK's `baseUrl` points (`<sim>/elevenlabs`). Every
 * request authenticates with `xi-api-key`; the key's account is all it can see.
 */
export async function elevenLabsRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  app.addHook(
    'onRequest',
    authenticate(() => sim.state.elevenlabs),
  );
  // FastAPI's answer for a path it does not know.
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ detail: 'Not Found' }));
  await app.register(userRoutes, { sim });
  await app.register(agentRoutes, { sim });
  await app.register(conversationRoutes, { sim });
}

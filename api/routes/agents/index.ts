import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AgentIdBody,
  AgentList,
  AgentListQuery,
  AgentParams,
  AgentValidationView,
  AgentView,
} from '../../../contracts/agents';
import { deleteAgent } from '../../../domain/agents/delete-agent';
import { listAgents } from '../../../domain/agents/list-agents';
import { registerAgent } from '../../../domain/agents/register-agent';
import { validateAgent } from '../../../domain/agents/validate-agent';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { noBody, responds } from '../../responses';

/** ElevenLabs agents the tenant monitors: looked up with its own key, registered, listed with call statistics. */
export const agentRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['agents'];

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Monitored agents with call statistics (platform staff: ?tenantId=)',
        description: 'Details older than a few minutes are read again from ElevenLabs first when the key is ACTIVE.',
        querystring: AgentListQuery,
        response: responds({ 200: AgentList }),
      },
      preHandler: app.requirePermission('agents:read'),
    },
    async (request) => listAgents(deps, { actor: actorOf(request), tenantId: request.query.tenantId }),
  );

  app.post(
    '/validate',
    {
      schema: {
        tags,
        summary: 'Look an agent up in the tenant’s ElevenLabs workspace before registering it',
        description:
          '404 when the workspace has no such agent; 409 without a saved key or when it failed its last test; ' +
          '503 when ElevenLabs does not answer.',
        body: AgentIdBody,
        response: responds({ 200: AgentValidationView }),
      },
      preHandler: app.requirePermission('agents:manage'),
    },
    async (request) => validateAgent(deps, { actor: actorOf(request), agentId: request.body.agentId }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Register an agent of the tenant’s ElevenLabs workspace for monitoring',
        description:
          'Looked up again first (404, 409 and 503 as for validate). 409 when this organisation or another one ' +
          'monitors the agent already.',
        body: AgentIdBody,
        response: responds({ 201: AgentView }),
      },
      preHandler: app.requirePermission('agents:manage'),
    },
    async (request, reply) =>
      reply.status(201).send(await registerAgent(deps, { actor: actorOf(request), agentId: request.body.agentId })),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Stop monitoring an agent (its call logs stay)',
        params: AgentParams,
        response: responds({ 204: noBody('Removed') }),
      },
      preHandler: app.requirePermission('agents:manage'),
    },
    async (request, reply) => {
      await deleteAgent(deps, { actor: actorOf(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );
};

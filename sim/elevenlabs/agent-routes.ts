import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { callerOf } from './auth';
import { elevenLabsError, unprocessable } from './errors';
import { keysetPage } from './paging';
import { renderAgent, renderAgentSummary } from './render';
import { integer, queryOf, routeKit, text } from './route-kit';

/** Agents of the key's account: one by id, or a page of them (newest first, `search` in the name). */
export async function agentRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const { on, elevenlabs } = routeKit(sim);

  app.get('/v1/convai/agents', on('elevenlabs.listAgents', 'convai_read'), async (request, reply) => {
    const { account } = callerOf(request);
    const query = queryOf(request);
    const pageSize = integer(query, 'page_size', 1, 100);
    if (pageSize === 'invalid') return unprocessable(reply, ['query', 'page_size'], 'page_size must be 1 to 100');
    const search = text(query, 'search')?.toLowerCase();
    const agents = [...elevenlabs().agents.values()].filter(
      (agent) => agent.accountId === account.id && (!search || agent.name.toLowerCase().includes(search)),
    );
    const result = keysetPage(agents, (agent) => [agent.createdAt, agent.id], {
      cursor: text(query, 'cursor'),
      pageSize: pageSize ?? 30,
      descending: text(query, 'sort_direction') !== 'asc',
    });
    if (result === 'invalid_cursor') return unprocessable(reply, ['query', 'cursor'], 'Invalid cursor');
    return {
      agents: result.page.map((agent) => renderAgentSummary(elevenlabs(), agent, account)),
      next_cursor: result.nextCursor,
      has_more: result.hasMore,
    };
  });

  app.get<{ Params: { agentId: string } }>(
    '/v1/convai/agents/:agentId',
    on('elevenlabs.getAgent', 'convai_read'),
    async (request, reply) => {
      const { account } = callerOf(request);
      const agent = elevenlabs().agents.get(request.params.agentId);
      if (!agent || agent.accountId !== account.id) {
        return elevenLabsError(reply, 404, 'agent_not_found', `Agent with id ${request.params.agentId} not found`);
      }
      return renderAgent(agent, account);
    },
  );
}

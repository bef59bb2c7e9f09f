import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SimContext } from '../context';
import { callerOf } from './auth';
import { elevenLabsError, unprocessable } from './errors';
import { silentMp3 } from './mp3';
import { keysetPage } from './paging';
import { renderConversation, renderConversationSummary } from './render';
import { integer, queryOf, routeKit, text, type Query } from './route-kit';
import type { ElevenLabsConversation } from './state';

type IdParams = { Params: { conversationId: string } };
const MAX_UNIX = 2 ** 40;

/** The filters the platform uses; `call_start_after_unix` is inclusive, `call_start_before_unix` exclusive. */
function conversationFilter(query: Query): ((conversation: ElevenLabsConversation) => boolean) | string {
  const after = integer(query, 'call_start_after_unix', 0, MAX_UNIX);
  const before = integer(query, 'call_start_before_unix', 0, MAX_UNIX);
  if (after === 'invalid') return 'call_start_after_unix';
  if (before === 'invalid') return 'call_start_before_unix';
  const agentId = text(query, 'agent_id');
  const successful = text(query, 'call_successful');
  return (conversation) =>
    (agentId === undefined || conversation.agentId === agentId) &&
    (after === undefined || conversation.startUnix >= after) &&
    (before === undefined || conversation.startUnix < before) &&
    (successful === undefined || (conversation.analysis?.callSuccessful ?? 'unknown') === successful);
}

/** Conversations of the key's account, newest first unless `sort_direction=asc`; one in full; its audio. */
export async function conversationRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const { on, elevenlabs } = routeKit(sim);
  const agentName = (agentId: string) => elevenlabs().agents.get(agentId)?.name ?? null;
  const own = (request: { params: { conversationId: string } }, accountId: string) => {
    const conversation = elevenlabs().conversations.get(request.params.conversationId);
    return conversation?.accountId === accountId ? conversation : null;
  };
  const notFound = (reply: FastifyReply, id: string) =>
    elevenLabsError(reply, 404, 'conversation_not_found', `Conversation ${id} not found`);

  app.get('/v1/convai/conversations', on('elevenlabs.listConversations', 'convai_read'), async (request, reply) => {
    const { account } = callerOf(request);
    const query = queryOf(request);
    const pageSize = integer(query, 'page_size', 1, 100);
    if (pageSize === 'invalid') return unprocessable(reply, ['query', 'page_size'], 'page_size must be 1 to 100');
    const filter = conversationFilter(query);
    if (typeof filter === 'string') return unprocessable(reply, ['query', filter], `${filter} must be a unix time`);
    const conversations = [...elevenlabs().conversations.values()].filter(
      (conversation) => conversation.accountId === account.id && filter(conversation),
    );
    const result = keysetPage(conversations, (conversation) => [conversation.startUnix, conversation.id], {
      cursor: text(query, 'cursor'),
      pageSize: pageSize ?? 30,
      descending: text(query, 'sort_direction') !== 'asc',
    });
    if (result === 'invalid_cursor') return unprocessable(reply, ['query', 'cursor'], 'Invalid cursor');
    return {
      conversations: result.page.map((conversation) =>
        renderConversationSummary(conversation, agentName(conversation.agentId)),
      ),
      next_cursor: result.nextCursor,
      has_more: result.hasMore,
    };
  });

  app.get<IdParams>(
    '/v1/convai/conversations/:conversationId',
    on('elevenlabs.getConversation', 'convai_read'),
    async (request, reply) => {
      const conversation = own(request, callerOf(request).account.id);
      if (!conversation) return notFound(reply, request.params.conversationId);
      return renderConversation(conversation, agentName(conversation.agentId));
    },
  );

  app.get<IdParams>(
    '/v1/convai/conversations/:conversationId/audio',
    on('elevenlabs.getConversationAudio', 'convai_read'),
    async (request, reply) => {
      const conversation = own(request, callerOf(request).account.id);
      if (!conversation) return notFound(reply, request.params.conversationId);
      if (!conversation.hasAudio) {
        return elevenLabsError(reply, 404, 'audio_not_found', `Conversation ${conversation.id} has no audio`);
      }
      // Made on request from the conversation's length: a few thousand stored recordings would fill the heap.
      return reply.type('audio/mpeg').send(silentMp3(conversation.durationSecs, conversation.id));
    },
  );
}

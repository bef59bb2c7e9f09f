import { createElevenLabsClient, toProviderError, type ElevenLabsMonitoringConfig } from './elevenlabs-client';
import type { ElevenLabsAccount, ElevenLabsMonitoring, KeyCheck } from './elevenlabs-monitoring';
import { toAccount, toAgent, toConversationDetail, toConversationSummary } from './elevenlabs-objects';
import { ProviderError, providerCalls } from './provider-error';

const { call, unless404 } = providerCalls(toProviderError);
type Rejection = Extract<KeyCheck, { status: 'rejected' }>;

/**
 * A 401 is the key's fault: a missing scope (`missing_permissions`, which names it) or a key ElevenLabs does not
 * accept at all. Anything else is no verdict on the key, and is thrown.
 */
function rejectionOf(error: unknown, needed: string, purpose: string): Rejection | null {
  if (!(error instanceof ProviderError) || error.status !== 401) return null;
  if (error.code !== 'missing_permissions') {
    return {
      status: 'rejected',
      reason: 'invalid_key',
      permission: null,
      message: `ElevenLabs does not accept this API key (${error.code ?? 'HTTP 401'}). Check that it was copied whole and is not deleted.`,
    };
  }
  const permission = /permission (\w+)/.exec(error.message)?.[1] ?? needed;
  return {
    status: 'rejected',
    reason: 'missing_permission',
    permission,
    message: `The API key lacks the "${permission}" permission, which the platform needs to ${purpose}.`,
  };
}

/** The monitoring port on ElevenLabs' API (or the simulator's): SDK calls in, plain objects and `ProviderError`s out. */
export function createElevenLabsMonitoring(config: ElevenLabsMonitoringConfig): ElevenLabsMonitoring {
  const client = createElevenLabsClient(config);
  const agents = client.conversationalAi.agents;
  const conversations = client.conversationalAi.conversations;

  async function readAccount(): Promise<{ account: ElevenLabsAccount | null; rejection: Rejection | null }> {
    try {
      const user = await call(() => client.user.get());
      const subscription = await call(() => client.user.subscription.get());
      return { account: toAccount(user, subscription), rejection: null };
    } catch (error) {
      const rejection = rejectionOf(error, 'user_read', 'show the plan and credits');
      if (!rejection) throw error;
      return { account: null, rejection };
    }
  }

  return {
    async checkKey() {
      const { account, rejection } = await readAccount();
      if (rejection?.reason === 'invalid_key') return rejection;
      // Keys restricted to the Agents platform may not read the account; what matters is what monitoring calls.
      const probes: Array<() => Promise<unknown>> = [
        () => agents.list({ pageSize: 1 }),
        () => conversations.list({ pageSize: 1 }),
      ];
      for (const probe of probes) {
        try {
          await call(probe);
        } catch (error) {
          const refused = rejectionOf(error, 'convai_read', 'read its agents and conversations');
          if (!refused) throw error;
          return refused;
        }
      }
      const limitations = rejection ? [`${rejection.message.replace(/\.$/, '')}; monitoring works without it.`] : [];
      return { status: 'active', account, limitations };
    },

    async getAgent(agentId) {
      const agent = await unless404(() => agents.get(agentId), null);
      return agent && toAgent(agent);
    },

    async listConversations(query = {}) {
      const page = await call(() =>
        conversations.list({
          agentId: query.agentId,
          cursor: query.cursor,
          pageSize: query.pageSize,
          // ElevenLabs filters by whole seconds: at or after `after`, before `before`.
          callStartAfterUnix: query.after && Math.floor(query.after.getTime() / 1000),
          callStartBeforeUnix: query.before && Math.ceil(query.before.getTime() / 1000),
          sortDirection: query.order && (query.order === 'oldest_first' ? 'asc' : 'desc'),
        }),
      );
      return {
        conversations: page.conversations.map(toConversationSummary),
        nextCursor: page.nextCursor ?? null,
        hasMore: page.hasMore,
      };
    },

    async getConversation(conversationId) {
      const conversation = await unless404(() => conversations.get(conversationId), null);
      return conversation && toConversationDetail(conversation);
    },

    async getConversationAudio(conversationId) {
      return unless404(async () => {
        const stream = await conversations.audio.get(conversationId);
        return new Uint8Array(await new Response(stream).arrayBuffer());
      }, null);
    },
  };
}

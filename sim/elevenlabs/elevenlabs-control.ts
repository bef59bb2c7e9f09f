import { simRequest } from '../sim-control';
import type { ConversationPlan, PlayedConversations } from './conversation-generator';
import type { Permission } from './state';
import type { elevenLabsStateView } from './state-view';

export type ElevenLabsStateView = ReturnType<typeof elevenLabsStateView>;
export type PlayConversations = Partial<ConversationPlan> & { agentId: string };

/** A client for `/_sim/elevenlabs` and the ElevenLabs part of `/_sim/state`, for tests, benches and scripts. */
export function elevenLabsSimControl(baseUrl: string) {
  const send = simRequest(baseUrl);
  return {
    state: async () => ((await send('GET', '/state')) as { elevenlabs: ElevenLabsStateView }).elevenlabs,
    /** A workspace with one API key (all scopes unless `permissions` says otherwise). */
    createAccount: (
      input: {
        name?: string;
        tier?: string;
        webhook?: { url: string; secret?: string };
        permissions?: Permission[];
      } = {},
    ) =>
      send('POST', '/elevenlabs/accounts', input) as Promise<{
        accountId: string;
        apiKey: string;
        webhook: { url: string; secret: string } | null;
      }>,
    createKey: (accountId: string, permissions?: Permission[]) =>
      send('POST', `/elevenlabs/accounts/${accountId}/keys`, permissions ? { permissions } : {}) as Promise<{
        apiKey: string;
        permissions: Permission[];
      }>,
    revokeKey: (apiKey: string) => send('DELETE', `/elevenlabs/keys/${encodeURIComponent(apiKey)}`) as Promise<void>,
    createAgent: (accountId: string, input: { name?: string; language?: string; tags?: string[] } = {}) =>
      send('POST', `/elevenlabs/accounts/${accountId}/agents`, input) as Promise<{ agentId: string; name: string }>,
    setWebhook: (accountId: string, webhook: { url: string; secret?: string }) =>
      send('PUT', `/elevenlabs/accounts/${accountId}/webhook`, webhook) as Promise<{ url: string; secret: string }>,
    playConversations: (plan: PlayConversations) =>
      send('POST', '/elevenlabs/conversations', plan) as Promise<PlayedConversations>,
  };
}

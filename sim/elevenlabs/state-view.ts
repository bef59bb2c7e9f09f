import { keyPreview, type ElevenLabsState } from './state';

/** The ElevenLabs part of `GET /_sim/state`: keys by preview only, conversations in short, every delivery. */
export function elevenLabsStateView(state: ElevenLabsState) {
  return {
    accounts: [...state.accounts.values()].map(({ id, name, tier, webhook }) => ({
      id,
      name,
      tier,
      webhookUrl: webhook?.url ?? null,
    })),
    keys: [...state.keys.values()].map(({ key, accountId, permissions, revoked }) => ({
      preview: keyPreview(key),
      accountId,
      permissions,
      revoked,
    })),
    agents: [...state.agents.values()].map(({ id, accountId, name }) => ({ id, accountId, name })),
    conversations: [...state.conversations.values()].map((conversation) => ({
      id: conversation.id,
      accountId: conversation.accountId,
      agentId: conversation.agentId,
      status: conversation.status,
      startUnix: conversation.startUnix,
      durationSecs: conversation.durationSecs,
      callSuccessful: conversation.analysis?.callSuccessful ?? 'unknown',
    })),
    deliveries: state.deliveries,
  };
}

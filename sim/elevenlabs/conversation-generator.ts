import { randomInt } from 'node:crypto';
import { scriptConversation, seededRandom, type Random } from './conversation-script';
import { nowUnix, type ElevenLabsConversation, type ElevenLabsState, type WebhookDelivery } from './state';
import { postWebhook, webhookBody } from './webhooks';

export interface ConversationPlan {
  agentId: string;
  count: number;
  /** Same seed, same content and the same losses, duplicates and order (ids differ). */
  seed?: number;
  /** Start of the first conversation (unix seconds); by default the last one starts about now. */
  startUnix?: number;
  spacingSecs: number;
  initiationFailureRate: number;
  successRate: number;
  /** Send `post_call_audio` (the workspace's "send audio data" toggle). */
  audio: boolean;
  /** false: the conversations only appear in the API, as when webhooks are off. */
  webhooks: boolean;
  duplicateRate: number;
  lossRate: number;
  /** Shuffle the batch's webhooks, so audio may come before its transcript and later calls before earlier ones. */
  reorder: boolean;
  /** Webhooks in flight at once; 1 sends them one after another. */
  concurrency: number;
  /** Send to this URL instead of the workspace's webhook URL (signed with the workspace's secret all the same). */
  deliverTo?: string;
}

export interface PlayedConversations {
  conversations: Array<{ conversationId: string; status: ElevenLabsConversation['status']; startUnix: number }>;
  deliveries: WebhookDelivery[];
}

interface PlannedWebhook {
  conversation: ElevenLabsConversation;
  type: WebhookDelivery['type'];
  duplicate: boolean;
  lost: boolean;
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

function webhooksOf(random: Random, plan: ConversationPlan, conversations: ElevenLabsConversation[]) {
  const planned: PlannedWebhook[] = [];
  for (const conversation of conversations) {
    const types: WebhookDelivery['type'][] = conversation.initiationFailure
      ? ['call_initiation_failure']
      : ['post_call_transcription', ...(plan.audio ? (['post_call_audio'] as const) : [])];
    for (const type of types) {
      const lost = random() < plan.lossRate;
      planned.push({ conversation, type, duplicate: false, lost });
      if (!lost && random() < plan.duplicateRate) planned.push({ conversation, type, duplicate: true, lost });
    }
  }
  return plan.reorder ? shuffle(random, planned) : planned;
}

/**
 * Plays `count` conversations of an agent: stores each as ElevenLabs would (so the API lists it, webhook or
 * not), then sends its post-call webhooks, signed with the workspace's secret, with the losses, duplicates and
 * reordering the plan asks for. Answers once every webhook was sent or given up.
 */
export async function playConversations(
  state: ElevenLabsState,
  plan: ConversationPlan,
): Promise<PlayedConversations | { status: number; error: string }> {
  const agent = state.agents.get(plan.agentId);
  if (!agent) return { status: 404, error: `No simulated agent ${plan.agentId}` };
  const webhook = state.accounts.get(agent.accountId)?.webhook ?? null;
  if (plan.webhooks && !webhook) {
    return { status: 409, error: `Account ${agent.accountId} has no post-call webhook (PUT …/accounts/:id/webhook)` };
  }

  const random = seededRandom(plan.seed ?? randomInt(2 ** 31));
  const firstStart = plan.startUnix ?? nowUnix() - plan.count * plan.spacingSecs;
  const conversations = Array.from({ length: plan.count }, (_, index) => {
    const conversation = scriptConversation(random, agent, {
      startUnix: firstStart + index * plan.spacingSecs,
      initiationFailure: random() < plan.initiationFailureRate,
      successful: random() < plan.successRate,
    });
    state.conversations.set(conversation.id, conversation);
    return conversation;
  });

  const planned = plan.webhooks && webhook ? webhooksOf(random, plan, conversations) : [];
  const url = plan.deliverTo ?? webhook?.url ?? '';
  const deliveries: WebhookDelivery[] = planned.map(({ conversation, type, duplicate, lost }) => ({
    conversationId: conversation.id,
    type,
    url,
    duplicate,
    lost,
    httpStatus: null,
    ms: 0,
  }));
  state.deliveries.push(...deliveries);

  let next = 0;
  const sender = async () => {
    while (next < planned.length) {
      const index = next++;
      const { conversation, type, lost } = planned[index]!;
      if (lost || !webhook) continue;
      const body = webhookBody(type, conversation, agent.name);
      Object.assign(
        deliveries[index]!,
        await postWebhook(url, body, webhook.secret, { chunked: type === 'post_call_audio' }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(plan.concurrency, Math.max(planned.length, 1)) }, sender));

  return {
    conversations: conversations.map(({ id, status, startUnix }) => ({ conversationId: id, status, startUnix })),
    deliveries,
  };
}

import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { ConversationActivities } from '../../activities/conversations';
import { audioKeyFor } from '../../domain/conversations/audio-store';
import type { ConversationEvent, ConversationFacts } from '../../domain/conversations/conversation-event';
import { createConversationClient } from '../../temporal/conversation-client';
import { startFloorWorker } from './floor-worker';

const WORKFLOWS_PATH = path.resolve(__dirname, 'conversation-workflows.ts');

/** One webhook as the simulator's generator planned it (sent, or lost on purpose). */
export interface PlannedDelivery {
  conversationId: string;
  type: 'post_call_transcription' | 'post_call_audio' | 'call_initiation_failure';
  lost: boolean;
}

/** A transcription's facts of about the platform's size: a dozen turns, summary, analysis. */
function factsOf(conversationId: string): ConversationFacts {
  const turns = Array.from({ length: 12 }, (_, n) => ({
    speaker: n % 2 === 0 ? ('agent' as const) : ('user' as const),
    text: `Turn ${n} of ${conversationId}: a sentence of about the length people say on the phone.`,
    atSeconds: n * 9,
    interrupted: false,
  }));
  return {
    agentId: 'agent_floor',
    status: 'completed',
    finished: true,
    startedAt: new Date().toISOString(),
    durationSeconds: 110,
    direction: 'inbound',
    outcome: 'success',
    title: 'Floor call',
    summary: 'The caller asked a question and the agent answered it.',
    analysis: { evaluations: [], collected: [] },
    terminationReason: 'end_call tool was called.',
    failureReason: null,
    language: 'en',
    cost: { credits: 1375, usd: null, llmUsd: 0.0132 },
    transcript: turns,
    fromNumber: '+4369912345678',
    toNumber: '+4312345678',
    hasAudio: true,
  };
}

/**
 * The raw floor of `bench:conversations`: the platform's own `conversation` workflow on the same Temporal
 * server, started and signalled by the same conversation client (`signalWithStart` per webhook, same id scheme
 * and reuse policy), with activities that only count — no HTTP, no signature, no inbox, no database, no
 * ElevenLabs. It receives the webhooks the platform received and a `discovered` for each conversation that lost
 * one, which is what the platform's sync hands over.
 */
export async function startConversationFloor(options: { client: Client; temporalAddress: string; settleMs: number }) {
  const recorded = new Set<string>();
  const activities: ConversationActivities = {
    async conversationOnRecord() {
      return { details: false, audio: false };
    },
    async fetchConversationDetails({ conversationId }) {
      return factsOf(conversationId);
    },
    async fetchConversationAudio({ tenantId, conversationId }) {
      return audioKeyFor(tenantId, conversationId);
    },
    async recordConversation({ start }) {
      recorded.add(start.conversationId);
      return { callLogId: start.conversationId, status: 'completed', hasAudio: true };
    },
  };
  const worker = await startFloorWorker({
    temporalAddress: options.temporalAddress,
    queuePrefix: 'bench-conversation-floor',
    workflowsPath: WORKFLOWS_PATH,
    activities,
  });
  const conversations = createConversationClient(options.client, worker.target, { settleMs: options.settleMs });
  const startOf = (conversationId: string) => ({ tenantId: 'bench-floor', conversationId, agentId: 'agent_floor' });
  const eventOf = (delivery: PlannedDelivery): ConversationEvent => {
    switch (delivery.type) {
      case 'post_call_transcription':
        return { type: 'transcription', facts: factsOf(delivery.conversationId) };
      case 'post_call_audio':
        return { type: 'audio', audioKey: audioKeyFor('bench-floor', delivery.conversationId) };
      case 'call_initiation_failure':
        return {
          type: 'initiation_failure',
          failure: { status: 'failed', reason: 'unknown', at: new Date().toISOString() },
        };
    }
  };

  return {
    recorded: () => recorded,
    /** Sends the delivered webhooks `concurrency` at a time; the acknowledgement time of each. */
    async deliver(deliveries: PlannedDelivery[], concurrency: number): Promise<number[]> {
      const acks: number[] = [];
      let next = 0;
      const lane = async () => {
        while (next < deliveries.length) {
          const delivery = deliveries[next++]!;
          const started = performance.now();
          await conversations.deliver(startOf(delivery.conversationId), eventOf(delivery));
          acks.push(performance.now() - started);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, lane));
      return acks;
    },
    async discover(conversationIds: string[]): Promise<void> {
      for (const conversationId of conversationIds) {
        await conversations.deliver(startOf(conversationId), { type: 'discovered' });
      }
    },
    stop: () => worker.stop(),
  };
}

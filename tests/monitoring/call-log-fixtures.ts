import { randomUUID } from 'node:crypto';
import type { CallLogStatus } from '../../contracts/call-status';
import type { CallOutcome } from '../../contracts/conversation';
import { ELEVENLABS_CALL_PROVIDER } from '../../contracts/conversation';
import { Agent, CallLog, Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';

/**
 * Monitoring rows written straight to the database, as the webhook and sync pipeline would write them, so the
 * history and analytics can be tested on exactly known calls.
 */

export interface Turn {
  speaker: 'agent' | 'user';
  text: string;
  atSeconds: number;
  interrupted?: boolean;
}

export async function makeIntegration(orm: Orm, tenantId: string, status: Integration['status'] = 'active') {
  return inScope(orm, { system: 'test' }, async (em) => {
    const integration = em.create(Integration, {
      tenantId,
      provider: 'elevenlabs',
      status,
      secretCiphertext: 'sealed-in-test',
      secretHint: '••••test',
      webhookToken: randomUUID().replace(/-/g, ''),
    });
    await em.flush();
    return integration;
  });
}

export async function makeAgent(orm: Orm, tenantId: string, integrationId: string, name: string) {
  return inScope(orm, { system: 'test' }, async (em) => {
    const agent = em.create(Agent, {
      tenantId,
      integrationId,
      externalAgentId: `agent_${randomUUID().replace(/-/g, '')}`,
      name,
    });
    await em.flush();
    return agent;
  });
}

export interface CallInput {
  agentId?: string | null;
  startedAt: Date;
  durationSeconds?: number | null;
  status?: CallLogStatus;
  outcome?: CallOutcome | null;
  transcript?: Turn[];
  summary?: string | null;
  title?: string | null;
  costUsd?: number | null;
  audioKey?: string | null;
  fromNumber?: string | null;
  analysis?: unknown;
  provider?: string;
  conversationId?: string;
}

export async function makeCall(orm: Orm, tenantId: string, input: CallInput) {
  return inScope(orm, { system: 'test' }, async (em) => {
    const transcript = input.transcript ?? [];
    const call = em.create(CallLog, {
      tenantId,
      agentId: input.agentId ?? null,
      provider: input.provider ?? ELEVENLABS_CALL_PROVIDER,
      externalCallId: input.conversationId ?? `conv_${randomUUID().replace(/-/g, '')}`,
      status: input.status ?? 'completed',
      outcome: input.outcome === undefined ? 'success' : input.outcome,
      direction: 'inbound',
      startedAt: input.startedAt,
      endedAt:
        input.durationSeconds == null ? null : new Date(input.startedAt.getTime() + input.durationSeconds * 1000),
      durationSeconds: input.durationSeconds === undefined ? 60 : input.durationSeconds,
      transcript: transcript.map((turn) => ({ interrupted: false, ...turn })),
      transcriptText: transcript.map((turn) => turn.text).join('\n'),
      title: input.title ?? null,
      summary: input.summary ?? null,
      analysis: input.analysis ?? null,
      costUsd: input.costUsd ?? null,
      audioKey: input.audioKey ?? null,
      fromNumber: input.fromNumber ?? null,
      toNumber: null,
      anonymized: false,
    });
    await em.flush();
    return call;
  });
}

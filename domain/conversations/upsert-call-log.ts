import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { CallLogStatus } from '../../contracts/call-status';
import { ELEVENLABS_CALL_PROVIDER } from '../../contracts/conversation';
import { CallLog } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { AppError } from '../errors/app-error';
import { anonymisesCallLogs } from './anonymises-call-logs';
import type { ConversationStart } from './conversation-event';
import { mergeCallLog, newCallLog, type CallLogFields, type ConversationRecord } from './merge-call-log';

export interface UpsertedCallLog {
  callLogId: string;
  status: CallLogStatus;
  hasAudio: boolean;
}

/**
 * Writes a conversation's call log, keyed by ElevenLabs' conversation id: inserted when new, otherwise merged
 * under a row lock (merge-call-log.ts), so repeating it, or writing the same conversation from a webhook and from
 * the sync, leaves one row with the richest fields. A record of only a recording completes an existing row (a
 * late audio webhook); a conversation another tenant recorded is refused.
 */
export async function upsertCallLog(
  deps: { orm: Orm },
  { start, record }: { start: ConversationStart; record: ConversationRecord },
): Promise<UpsertedCallLog> {
  const { tenantId, conversationId } = start;
  return inScope(deps.orm, { tenantId }, async (em) => {
    const anonymise = await anonymisesCallLogs(em, tenantId);
    if (record.facts || record.failure) {
      const first = newCallLog(record);
      // The agent may have been removed since the event arrived; its calls stay, unlinked (as on delete).
      await em.execute(
        `insert into call_logs (id, tenant_id, agent_id, provider, external_call_id, status, started_at)
         values (?, ?, (select a.id from agents a where a.id = ?), ?, ?, ?, ?)
         on conflict (provider, external_call_id) do nothing`,
        [
          randomUUID(),
          tenantId,
          start.agentId,
          ELEVENLABS_CALL_PROVIDER,
          conversationId,
          first.status,
          first.startedAt,
        ],
      );
    }
    // Row-level security hides another tenant's row: then the insert did nothing and nothing is found here.
    const row = await em.findOne(
      CallLog,
      { provider: ELEVENLABS_CALL_PROVIDER, externalCallId: conversationId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!row && !record.facts && !record.failure) {
      throw new AppError('unprocessable', `Conversation ${conversationId}: a recording but nothing to record it with`);
    }
    if (!row) throw new AppError('conflict', `Conversation ${conversationId} is recorded under another tenant`);
    const stored: CallLogFields = {
      ...pick(row),
      transcript: (row.transcript as CallLogFields['transcript']) ?? null,
      analysis: (row.analysis as CallLogFields['analysis']) ?? null,
    };
    em.assign(row, mergeCallLog(stored, record, anonymise));
    await em.flush();
    return { callLogId: row.id, status: row.status, hasAudio: row.audioKey !== null };
  });
}

function pick(row: CallLog): Omit<CallLogFields, 'transcript' | 'analysis'> {
  return {
    status: row.status,
    startedAt: row.startedAt,
    endedAt: row.endedAt ?? null,
    durationSeconds: row.durationSeconds ?? null,
    transcriptText: row.transcriptText ?? null,
    audioKey: row.audioKey ?? null,
    outcome: row.outcome ?? null,
    direction: row.direction ?? null,
    title: row.title ?? null,
    summary: row.summary ?? null,
    terminationReason: row.terminationReason ?? null,
    failureReason: row.failureReason ?? null,
    language: row.language ?? null,
    costCredits: row.costCredits ?? null,
    costUsd: row.costUsd ?? null,
    llmCostUsd: row.llmCostUsd ?? null,
    fromNumber: row.fromNumber ?? null,
    toNumber: row.toNumber ?? null,
    anonymized: row.anonymized,
  };
}

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CALL_LOG_STATUSES } from '../../contracts/call-status';
import { CALL_DIRECTIONS, CALL_OUTCOMES } from '../../contracts/conversation';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

/** One call: a telephony call of a provisioned bot (`twilio`) or a monitored ElevenLabs conversation. */
export const CallLog = defineEntity({
  name: 'CallLog',
  tableName: 'call_logs',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    botId: p.uuid().nullable(),
    agentId: p.uuid().nullable(),
    provider: p.text(),
    externalCallId: p.text(),
    fromNumber: p.text().nullable(),
    toNumber: p.text().nullable(),
    /** Telephony's changes only through domain/telephony/record-call-transition.ts (call-log-lifecycle.ts). */
    status: p.enum(CALL_LOG_STATUSES),
    startedAt: p.datetime(),
    endedAt: p.datetime().nullable(),
    durationSeconds: p.integer().nullable(),
    transcript: p.json<unknown>().nullable(),
    transcriptText: p.text().nullable(),
    audioKey: p.text().nullable(),
    outcome: p.enum(CALL_OUTCOMES).nullable(),
    direction: p.enum(CALL_DIRECTIONS).nullable(),
    title: p.text().nullable(),
    summary: p.text().nullable(),
    analysis: p.json<unknown>().nullable(),
    terminationReason: p.text().nullable(),
    failureReason: p.text().nullable(),
    language: p.text().nullable(),
    costCredits: p.integer().nullable(),
    costUsd: p.decimal('number').precision(12).scale(6).nullable(),
    llmCostUsd: p.decimal('number').precision(12).scale(6).nullable(),
    anonymized: p.boolean().default(false),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type CallLog = InferEntity<typeof CallLog>;

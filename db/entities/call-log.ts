import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CALL_LOG_STATUSES } from '../../contracts/call-status';
import { createdAtColumn, idColumn } from './columns';

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
    /** Changed only through domain/telephony/record-call-transition.ts (call-log-lifecycle.ts). */
    status: p.enum(CALL_LOG_STATUSES),
    startedAt: p.datetime(),
    endedAt: p.datetime().nullable(),
    durationSeconds: p.integer().nullable(),
    transcript: p.json<unknown>().nullable(),
    audioUrl: p.text().nullable(),
    createdAt: createdAtColumn(),
  },
});
export type CallLog = InferEntity<typeof CallLog>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

export const CallLog = defineEntity({
  name: 'CallLog',
  tableName: 'call_logs',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    botId: p.uuid().nullable(),
    agentId: p.uuid().nullable(),
    provider: p.string(),
    externalCallId: p.string(),
    fromNumber: p.string().nullable(),
    toNumber: p.string().nullable(),
    status: p.string(),
    startedAt: p.datetime(),
    endedAt: p.datetime().nullable(),
    durationSeconds: p.integer().nullable(),
    transcript: p.json<unknown>().nullable(),
    audioUrl: p.string().nullable(),
    createdAt: createdAtColumn(),
  },
});
export type CallLog = InferEntity<typeof CallLog>;

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
    provider: p.text(),
    externalCallId: p.text(),
    fromNumber: p.text().nullable(),
    toNumber: p.text().nullable(),
    status: p.text(),
    startedAt: p.datetime(),
    endedAt: p.datetime().nullable(),
    durationSeconds: p.integer().nullable(),
    transcript: p.json<unknown>().nullable(),
    audioUrl: p.text().nullable(),
    createdAt: createdAtColumn(),
  },
});
export type CallLog = InferEntity<typeof CallLog>;

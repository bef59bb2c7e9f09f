import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

export const BOT_STATUSES = ['provisioning', 'ready', 'failed', 'deprovisioning', 'deprovisioned'] as const;

export const Bot = defineEntity({
  name: 'Bot',
  tableName: 'bots',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    name: p.string(),
    status: p.enum(BOT_STATUSES),
    locale: p.string(),
    voice: p.string(),
    greeting: p.text(),
    twilioNumber: p.string().nullable(),
    twilioNumberSid: p.string().nullable(),
    herokuAppName: p.string().nullable(),
    sttProvider: p.string().default('google'),
    ttsProvider: p.string().default('elevenlabs'),
    config: p.json<Record<string, unknown>>().default('{}'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type Bot = InferEntity<typeof Bot>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

export const BOT_STATUSES = ['provisioning', 'ready', 'failed', 'deprovisioning', 'deprovisioned'] as const;

export const Bot = defineEntity({
  name: 'Bot',
  tableName: 'bots',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    name: p.text(),
    status: p.enum(BOT_STATUSES),
    locale: p.text(),
    voice: p.text(),
    greeting: p.text(),
    twilioNumber: p.text().nullable(),
    twilioNumberSid: p.text().nullable(),
    herokuAppName: p.text().nullable(),
    sttProvider: p.text().default('google'),
    ttsProvider: p.text().default('elevenlabs'),
    config: p.json<Record<string, unknown>>().onCreate(() => ({})),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type Bot = InferEntity<typeof Bot>;

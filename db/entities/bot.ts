import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { BOT_ROLES, DEFAULT_BOT_ROLE } from '../../contracts/bot-role';
import { BOT_STATUSES } from '../../contracts/bot-status';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

export const Bot = defineEntity({
  name: 'Bot',
  tableName: 'bots',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    name: p.text(),
    status: p.enum(BOT_STATUSES),
    /** Why the last provisioning run failed; set only while the bot is `failed` (domain/bots/bot-lifecycle.ts). */
    failureReason: p.text().nullable(),
    /** Picks the bot's prompt templates (domain/prompts/templates/). */
    role: p.enum(BOT_ROLES).default(DEFAULT_BOT_ROLE),
    locale: p.text(),
    voice: p.text(),
    greeting: p.text(),
    twilioNumber: p.text().nullable(),
    twilioNumberSid: p.text().nullable(),
    herokuAppName: p.text().nullable(),
    /** The app's web URL (Heroku's `web_url`); calls stream to `<appUrl>media-stream`. Null until provisioned. */
    appUrl: p.text().nullable(),
    sttProvider: p.text().default('google'),
    ttsProvider: p.text().default('elevenlabs'),
    config: p.json<Record<string, unknown>>().onCreate(() => ({})),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type Bot = InferEntity<typeof Bot>;

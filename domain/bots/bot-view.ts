import type { Bot } from '../../db/entities/bot';
import type { Actor } from '../auth/actor';

export interface BotView {
  id: string;
  tenantId: string;
  name: string;
  status: Bot['status'];
  /** Why the last provisioning run failed, while the bot is failed; shown to platform staff only (provider text). */
  failureReason: string | null;
  locale: string;
  voice: string;
  greeting: string;
  phoneNumber: string | null;
  herokuAppName: string | null;
  createdAt: string;
  updatedAt: string;
}

export const toBotView = (bot: Bot, viewer: Actor): BotView => ({
  id: bot.id,
  tenantId: bot.tenantId,
  name: bot.name,
  status: bot.status,
  failureReason: viewer.tenantId === null ? (bot.failureReason ?? null) : null,
  locale: bot.locale,
  voice: bot.voice,
  greeting: bot.greeting,
  phoneNumber: bot.twilioNumber ?? null,
  herokuAppName: bot.herokuAppName ?? null,
  createdAt: bot.createdAt.toISOString(),
  updatedAt: bot.updatedAt.toISOString(),
});

import type { Bot } from '../../db/entities/bot';

export interface BotView {
  id: string;
  tenantId: string;
  name: string;
  status: Bot['status'];
  locale: string;
  voice: string;
  greeting: string;
  phoneNumber: string | null;
  herokuAppName: string | null;
  createdAt: string;
  updatedAt: string;
}

export const toBotView = (bot: Bot): BotView => ({
  id: bot.id,
  tenantId: bot.tenantId,
  name: bot.name,
  status: bot.status,
  locale: bot.locale,
  voice: bot.voice,
  greeting: bot.greeting,
  phoneNumber: bot.twilioNumber ?? null,
  herokuAppName: bot.herokuAppName ?? null,
  createdAt: bot.createdAt.toISOString(),
  updatedAt: bot.updatedAt.toISOString(),
});

import type { Bot } from '../../db/entities/bot';
import type { Actor } from '../auth/actor';

import type { BotView } from '../../contracts/bots';

export const toBotView = (bot: Bot, viewer: Actor): BotView => ({
  id: bot.id,
  tenantId: bot.tenantId,
  name: bot.name,
  status: bot.status,
  role: bot.role,
  failureReason: viewer.tenantId === null ? (bot.failureReason ?? null) : null,
  locale: bot.locale,
  voice: bot.voice,
  greeting: bot.greeting,
  phoneNumber: bot.twilioNumber ?? null,
  herokuAppName: bot.herokuAppName ?? null,
  appUrl: bot.appUrl ?? null,
  createdAt: bot.createdAt.toISOString(),
  updatedAt: bot.updatedAt.toISOString(),
});

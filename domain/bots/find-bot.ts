import { Bot } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { notFound } from '../errors/app-error';

/** The bot if the scope may see it (row-level security hides other tenants' bots), else 404. */
export async function findBot(em: ScopedEm, botId: string): Promise<Bot> {
  const bot = await em.findOne(Bot, { id: botId });
  if (!bot) throw notFound('Bot');
  return bot;
}

import { LockMode } from '@mikro-orm/core';
import { Bot } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import { notFound } from '../errors/app-error';

/**
 * The bot if the scope may see it (row-level security hides other tenants' bots), else 404. With `lock`, the row
 * stays locked until the caller's transaction ends, so concurrent changes of the bot are checked one after the other.
 */
export async function findBot(em: ScopedEm, botId: string, { lock = false } = {}): Promise<Bot> {
  const bot = await em.findOne(Bot, { id: botId }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!bot) throw notFound('Bot');
  return bot;
}

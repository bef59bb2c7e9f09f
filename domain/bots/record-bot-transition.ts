import type { BotStatus } from '../../contracts/bot-status';
import type { Bot } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import { recordTransitionAudit } from '../audit/record-audit';
import type { Actor, SystemActor } from '../auth/actor';
import { AppError } from '../errors/app-error';
import { transitionBot, type BotTransitionCause } from './bot-lifecycle';
import { findBot } from './find-bot';

export interface BotTransitionChange {
  to: BotStatus;
  cause: BotTransitionCause;
  /** Why the bot failed; required for `failed`, kept as its `failureReason` until its next transition. */
  reason?: string;
  /** For `ready`: the app and number the bot now holds. */
  resources?: { appName: string; numberSid: string; phoneNumber: string };
}

/**
 * The one place a bot's status is written: validates the change against the lifecycle table, sets the status, the
 * failure reason and the provider resources that go with it, and records the audit row, all inside the caller's
 * transaction (API use cases: the one that also queues the bot's job). The caller flushes.
 */
export function applyBotTransition(
  em: ScopedEm,
  actor: Actor | SystemActor | null,
  bot: Bot,
  change: BotTransitionChange,
): void {
  const record = transitionBot(bot, change.to, change.cause, change.reason);
  if (record.status === 'ready' && !change.resources) {
    throw new AppError('bad_request', 'A bot becomes ready only with its app and number');
  }
  bot.status = record.status;
  bot.failureReason = record.failureReason;
  if (record.releasesResources) {
    bot.twilioNumber = null;
    bot.twilioNumberSid = null;
    bot.herokuAppName = null;
    bot.appUrl = null;
  }
  if (change.resources) {
    bot.herokuAppName = change.resources.appName;
    bot.twilioNumber = change.resources.phoneNumber;
    bot.twilioNumberSid = change.resources.numberSid;
  }
  recordTransitionAudit(em, actor, record);
}

/**
 * A bot's status change in its own transaction, for the worker (under its system actor). The row is locked, so
 * concurrent changes of one bot are validated one after the other. A bot already in the target status is left
 * alone ('unchanged'): Temporal may run an activity again after its first attempt committed.
 */
export async function recordBotTransition(
  orm: Orm,
  actor: SystemActor,
  botId: string,
  change: BotTransitionChange,
): Promise<'changed' | 'unchanged'> {
  return inScope(orm, actor, async (em) => {
    const bot = await findBot(em, botId, { lock: true });
    if (bot.status === change.to) return 'unchanged';
    applyBotTransition(em, actor, bot, change);
    await em.flush();
    return 'changed';
  });
}

import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { SystemActor } from '../auth/actor';
import { findBot } from '../bots/find-bot';
import { AppError } from '../errors/app-error';

/**
 * A number rotation puts the bot on its new number (audited with both numbers' sids). Only a ready bot switches:
 * one deleted meanwhile must not get a number back. Already on the new number, it is left alone ('unchanged').
 */
export async function switchBotNumber(
  deps: { orm: Orm },
  input: { actor: SystemActor; botId: string; numberSid: string; phoneNumber: string },
): Promise<'changed' | 'unchanged'> {
  return inScope(deps.orm, input.actor, async (em) => {
    const bot = await findBot(em, input.botId, { lock: true });
    if (bot.twilioNumberSid === input.numberSid) return 'unchanged';
    if (bot.status !== 'ready')
      throw new AppError('conflict', `Bot is ${bot.status}; only a ready bot switches numbers`);
    recordAudit(em, {
      actor: input.actor,
      tenantId: bot.tenantId,
      action: 'bot.number_switched',
      targetType: 'bot',
      targetId: bot.id,
      details: { fromNumberSid: bot.twilioNumberSid ?? null, toNumberSid: input.numberSid },
    });
    bot.twilioNumber = input.phoneNumber;
    bot.twilioNumberSid = input.numberSid;
    await em.flush();
    return 'changed';
  });
}

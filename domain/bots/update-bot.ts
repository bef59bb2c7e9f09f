import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { isPlatformRole } from '../../contracts/roles';
import { AppError } from '../errors/app-error';
import type { UpdateBotBody } from '../../contracts/bots';
import { findBot } from './find-bot';
import { toBotView } from './bot-view';
import type { BotView } from '../../contracts/bots';

/** Bot settings: greeting, language and voice for the tenant's admin; renaming is for platform admins. */
export async function updateBot(
  deps: { orm: Orm },
  { actor, botId, patch }: { actor: Actor; botId: string; patch: UpdateBotBody },
): Promise<BotView> {
  assertCan(actor, 'bots:configure');
  if (patch.name !== undefined && !isPlatformRole(actor.role)) {
    throw new AppError('forbidden', 'Only platform admins can rename a bot');
  }
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const bot = await findBot(em, botId);
    em.assign(bot, patch);
    recordAudit(em, {
      actor,
      tenantId: bot.tenantId,
      action: 'bot.updated',
      targetType: 'bot',
      targetId: bot.id,
      details: patch,
    });
    await em.flush();
    return toBotView(bot, actor);
  });
}

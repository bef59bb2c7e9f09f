import { Bot } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';

/**
 * Notes the Heroku app a provisioning run started creating, so the bot shows it while it is being built. Not a
 * status change: the app is the bot's for good only with `ready` (record-bot-transition.ts), and `failed` clears it.
 */
export async function recordBotApp(
  deps: { orm: Orm },
  { actor, botId, appName }: { actor: SystemActor; botId: string; appName: string },
): Promise<void> {
  await inScope(deps.orm, actor, (em) =>
    em.nativeUpdate(Bot, { id: botId, status: 'provisioning' }, { herokuAppName: appName }),
  );
}

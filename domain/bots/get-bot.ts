import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { findBot } from './find-bot';
import { toBotView, type BotView } from './bot-view';

export async function getBot(deps: { orm: Orm }, { actor, botId }: { actor: Actor; botId: string }): Promise<BotView> {
  assertCan(actor, 'bots:read');
  return inScope(deps.orm, scopeOf(actor), async (em) => toBotView(await findBot(em, botId), actor));
}

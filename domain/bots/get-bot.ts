import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { findBot } from './find-bot';
import { toBotView } from './bot-view';
import type { BotView } from '../../contracts/bots';

export async function getBot(deps: { orm: Orm }, { actor, botId }: { actor: Actor; botId: string }): Promise<BotView> {
  assertCan(actor, 'bots:read');
  return inScope(deps.orm, scopeOf(actor), async (em) => toBotView(await findBot(em, botId), actor));
}

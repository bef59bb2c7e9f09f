import { Bot } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { Orm } from '../../db/orm';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import type { Page, PageQuery } from '../../contracts/page';
import { findPage, pageWindow } from '../pagination';
import { toBotView } from './bot-view';
import type { BotView } from '../../contracts/bots';

/** Customers see their tenant's bots; platform staff see all, optionally filtered by tenant. */
export async function listBots(
  deps: { orm: Orm },
  { actor, page, filter }: { actor: Actor; page: PageQuery; filter: { status?: Bot['status']; tenantId?: string } },
): Promise<Page<BotView>> {
  assertCan(actor, 'bots:read');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const where = {
      ...(actor.tenantId ? { tenantId: actor.tenantId } : filter.tenantId ? { tenantId: filter.tenantId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    const [bots, total] = await findPage(em, Bot, where, {
      orderBy: { createdAt: 'desc', id: 'asc' },
      ...pageWindow(page),
    });
    return { items: bots.map((bot) => toBotView(bot, actor)), total, ...page };
  });
}

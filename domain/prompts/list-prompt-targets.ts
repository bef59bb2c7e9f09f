import { Bot } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { readPromptSettings } from './read-prompt-settings';

/**
 * The tenant's prompt version as committed now, and its bots that have an app: ready ones, and ones still being
 * provisioned (a save may land after their config step), in a stable order.
 */
export async function listPromptTargets(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<{ version: number; botIds: string[] }> {
  return inScope(deps.orm, actor, async (em) => {
    const { version } = await readPromptSettings(em, tenantId);
    const bots = await em.find(
      Bot,
      { tenantId, status: { $in: ['provisioning', 'ready'] }, herokuAppName: { $ne: null } },
      { orderBy: { createdAt: 'asc', id: 'asc' }, fields: ['id'] },
    );
    return { version, botIds: bots.map((bot) => bot.id) };
  });
}

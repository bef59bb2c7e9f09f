import { Bot } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';

/** Whether a bot of the tenant may still hold a Heroku app or a Twilio number (anything not deprovisioned). */
export async function tenantHasLiveBots(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<boolean> {
  const live = await inScope(deps.orm, actor, (em) => em.count(Bot, { tenantId, status: { $ne: 'deprovisioned' } }));
  return live > 0;
}

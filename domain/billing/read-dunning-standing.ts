import { Subscription } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { standingOf, type DunningStanding } from './dunning-standing';

/** Whether the tenant's subscription is still past due: dunning asks before each of its steps. */
export async function readDunningStanding(
  deps: { orm: Orm },
  { tenantId }: { tenantId: string },
): Promise<DunningStanding> {
  return inScope(deps.orm, { tenantId }, async (em) =>
    standingOf(await em.findOne(Subscription, { tenantId, status: 'past_due' })),
  );
}

import { Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { assertOffboarding } from './assert-offboarding';

/**
 * Deletes every provider integration of an offboarding tenant: its sealed keys and webhook secrets, and by cascade
 * its registered agents. Runs after the sync schedule is gone, so no sync opens a key that is being deleted.
 * Returns how many went; repeating it finds none.
 */
export async function removeOffboardedIntegrations(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<number> {
  return inScope(deps.orm, actor, async (em) => {
    await assertOffboarding(em, tenantId);
    return em.nativeDelete(Integration, { tenantId });
  });
}

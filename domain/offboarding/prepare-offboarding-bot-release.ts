import { Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { releaseTenantBots, type BotRelease } from '../bots/release-tenant-bots';

/**
 * Every bot of an offboarding tenant that may still hold a Heroku app or a Twilio number is marked deprovisioning
 * with a deprovision job, in one transaction, for the workflow to run. Safe to repeat; a tenant that is gone (the
 * run resumed after its rows were deleted) has nothing to release.
 */
export async function prepareOffboardingBotRelease(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<BotRelease> {
  return inScope(deps.orm, actor, async (em) => {
    const tenant = await em.findOne(Tenant, { id: tenantId });
    if (!tenant) return { kind: 'nothing_to_remove' };
    return releaseTenantBots(em, actor, { tenantId, cause: 'tenant_offboarding', reason: 'tenant_offboarding' });
  });
}

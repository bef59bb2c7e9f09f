import { Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { releaseTenantBots, type BotRelease } from '../bots/release-tenant-bots';

/**
 * First step of removing a tenant that never verified its email: every bot that may still hold a Heroku app or a
 * Twilio number is marked deprovisioning with a deprovision job, in one transaction, for the workflow to run.
 */
export async function prepareBotRelease(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<BotRelease> {
  return inScope(deps.orm, actor, async (em) => {
    const tenant = await em.findOne(Tenant, { id: tenantId });
    if (!tenant || tenant.status !== 'pending_verification') return { kind: 'nothing_to_remove' };
    return releaseTenantBots(em, actor, {
      tenantId,
      cause: 'tenant_not_verified',
      reason: 'tenant_not_verified_in_time',
    });
  });
}

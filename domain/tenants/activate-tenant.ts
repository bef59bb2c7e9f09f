import type { Orm } from '../../db/orm';
import type { SystemActor } from '../auth/actor';
import { recordTenantTransition } from './record-tenant-transition';

/**
 * Onboarding's last step once the email is verified: the tenant becomes active (audited as the worker). Already
 * active, say on a retried activity, it is left alone.
 */
export async function activateTenant(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: SystemActor; tenantId: string },
): Promise<'changed' | 'unchanged'> {
  return recordTenantTransition(deps.orm, actor, tenantId, { to: 'active', cause: 'verified' });
}

import type { Permission } from '../../contracts/grants';
import type { Actor } from '../auth/actor';
import { assertCan, assertTenantAccess } from '../auth/permissions';
import { AppError } from '../errors/app-error';

/** The tenant a read is about: a customer's own, or the one platform staff name with `?tenantId=`. */
export function tenantToRead(actor: Actor, requested: string | undefined, permission: Permission): string {
  const tenantId = requested ?? actor.tenantId;
  if (!tenantId) {
    throw new AppError('bad_request', 'Name the tenant to show', {
      errors: [{ path: 'querystring.tenantId', message: 'required for platform staff' }],
    });
  }
  assertTenantAccess(actor, tenantId);
  assertCan(actor, permission);
  return tenantId;
}

/** The tenant a change is for: only a tenant's own people change its integrations and agents. */
export function ownTenantOf(actor: Actor, permission: Permission): string {
  assertCan(actor, permission);
  if (!actor.tenantId) throw new AppError('forbidden', 'Only the organisation’s own admins may change this');
  return actor.tenantId;
}

import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { tenantToRead } from '../auth/tenant-to-read';

/**
 * Whose calls a request covers, as `tenantToRead` decides it for `calls:read`, except that platform staff who
 * name no tenant read every tenant's (null): the history and its export may span tenants, analytics may not.
 */
export function callLogTenant(actor: Actor, tenantId: string | undefined): string | null {
  if (!tenantId && !actor.tenantId) {
    assertCan(actor, 'calls:read');
    return null;
  }
  return tenantToRead(actor, tenantId, 'calls:read');
}

import { isPlatformRole } from '../../contracts/roles';
import type { Actor } from '../auth/actor';
import { assertTenantAccess } from '../auth/permissions';
import { AppError } from '../errors/app-error';

/**
 * Whose calls a request covers: a customer's own tenant (naming another is not found), or for platform staff the
 * tenant they name, every tenant when they name none (null). `required` refuses staff who name none.
 */
export function callLogTenant(actor: Actor, tenantId: string | undefined, { required = false } = {}): string | null {
  if (tenantId) {
    assertTenantAccess(actor, tenantId);
    return tenantId;
  }
  if (!isPlatformRole(actor.role)) return actor.tenantId!;
  if (required) {
    throw new AppError('bad_request', 'Name the tenant whose calls to show', {
      errors: [{ path: 'querystring.tenantId', message: 'required for platform staff' }],
    });
  }
  return null;
}

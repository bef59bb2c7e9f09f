import { can, type Permission } from '../../contracts/grants';
import { isPlatformRole } from '../../contracts/roles';
import { AppError, notFound } from '../errors/app-error';
import type { Actor } from './actor';

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new AppError('forbidden', `Your role (${actor.role}) may not do this (${permission})`);
  }
}

/**
 * Customers reach only their own tenant. Another tenant's resources answer 404, not 403,
 * so ids of other tenants cannot even be confirmed to exist.
 */
export function assertTenantAccess(actor: Actor, tenantId: string, what = 'Tenant'): void {
  if (!isPlatformRole(actor.role) && actor.tenantId !== tenantId) throw notFound(what);
}

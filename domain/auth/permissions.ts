import { AppError, notFound } from '../errors/app-error';
import type { Actor } from './actor';
import { isPlatformRole, type Role } from '../../contracts/roles';

const GRANTS = {
  'tenants:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  'tenants:create': ['platform_admin'],
  /** Deactivate (suspend) and reactivate a tenant. */
  'tenants:lifecycle': ['platform_admin'],
  /** Resend the verification email or confirm a tenant's address by hand. */
  'tenants:verify': ['platform_admin'],
  'users:read': ['platform_admin', 'support', 'customer_admin'],
  'users:manage': ['platform_admin', 'customer_admin'],
  'bots:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  'bots:configure': ['platform_admin', 'customer_admin'],
  'bots:manage': ['platform_admin'],
  'jobs:read': ['platform_admin', 'support'],
  /** The inbound-webhook inbox of every tenant (decision 008). */
  'webhooks:read': ['platform_admin', 'support'],
  /** Put a failed or delivered inbound webhook back to pending so the relay delivers it again. */
  'webhooks:replay': ['platform_admin'],
  'usage:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  'tickets:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  'tickets:create': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  'tickets:close': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
  'tickets:manage': ['platform_admin', 'support'],
  'invoices:read': ['platform_admin', 'support', 'customer_admin', 'customer_user'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

export const can = (role: Role, permission: Permission): boolean =>
  (GRANTS[permission] as readonly Role[]).includes(role);

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

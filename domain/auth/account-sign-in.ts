import { Tenant, User } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import type { UserView } from '../../contracts/users';
import type { TenantStatus } from '../../contracts/tenant-status';
import { tenantAllowsSessions } from '../tenants/tenant-status';
import { toUserView } from '../users/user-view';
import type { AuthSettings } from './auth-settings';
import { issueSession, type IssuedSession } from './issue-session';

export type SignInRefusal = { reason: 'deactivated' } | { reason: 'organisation_closed'; tenantStatus: TenantStatus };

/**
 * Why an account may not sign in, however it proved who it is (password or identity provider): it is
 * deactivated, or its organisation takes no sessions. Null when it may.
 */
export async function signInRefusal(em: ScopedEm, user: User): Promise<SignInRefusal | null> {
  if (!user.isActive) return { reason: 'deactivated' };
  if (!user.tenantId) return null;
  const tenant = await em.findOneOrFail(Tenant, { id: user.tenantId });
  return tenantAllowsSessions(tenant.status) ? null : { reason: 'organisation_closed', tenantStatus: tenant.status };
}

/** What every sign-in does once the account may sign in: stamps `lastLoginAt` and issues the session. */
export async function openAccountSession(
  em: ScopedEm,
  auth: AuthSettings,
  user: User,
  now = new Date(),
): Promise<IssuedSession & { user: UserView }> {
  user.lastLoginAt = now;
  const session = await issueSession(em, auth, { userId: user.id, role: user.role, tenantId: user.tenantId ?? null });
  return { ...session, user: toUserView(user) };
}

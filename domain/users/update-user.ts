import { RefreshSession, User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan, assertTenantAccess } from '../auth/permissions';
import { AppError, notFound } from '../errors/app-error';
import type { UpdateUserBody, UserView } from '../../contracts/users';
import { toUserView } from './user-view';

/** Renames, changes the role of, or (de)activates a tenant's user; deactivation also ends all their sessions. */
export async function updateUser(
  deps: { orm: Orm },
  { actor, tenantId, userId, patch }: { actor: Actor; tenantId: string; userId: string; patch: UpdateUserBody },
): Promise<UserView> {
  assertTenantAccess(actor, tenantId);
  assertCan(actor, 'users:manage');
  if (userId === actor.userId && (patch.isActive === false || patch.role)) {
    throw new AppError('unprocessable', 'You cannot deactivate yourself or change your own role');
  }
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const user = await em.findOne(User, { id: userId, tenantId });
    if (!user) throw notFound('User');
    em.assign(user, patch);
    if (patch.isActive === false) {
      await em.nativeUpdate(RefreshSession, { userId, revokedAt: null }, { revokedAt: new Date() });
    }
    recordAudit(em, { actor, tenantId, action: 'user.updated', targetType: 'user', targetId: userId, details: patch });
    await em.flush();
    return toUserView(user);
  });
}

import { Tenant, User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { AppError } from '../errors/app-error';
import type { AuthSettings } from './auth-settings';
import { issueSession, type IssuedSession } from './issue-session';
import { verifyPassword } from './password';
import type { UserView } from '../../contracts/users';
import { toUserView } from '../users/user-view';
import { tenantAllowsSessions } from '../tenants/tenant-status';

const INVALID = 'Email or password is incorrect';

export async function login(
  deps: { orm: Orm; auth: AuthSettings },
  input: { email: string; password: string },
): Promise<IssuedSession & { user: UserView }> {
  // Nobody is signed in yet, so the look-up by email runs outside any tenant scope.
  return inScope(deps.orm, { system: 'login' }, async (em) => {
    const user = await em.findOne(User, { email: input.email.trim().toLowerCase() });
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !passwordOk) throw new AppError('unauthorized', INVALID);
    if (!user.isActive) throw new AppError('unauthorized', 'This account is deactivated');
    if (user.tenantId) {
      const tenant = await em.findOneOrFail(Tenant, { id: user.tenantId });
      if (!tenantAllowsSessions(tenant.status)) {
        throw new AppError('forbidden', `Your organisation is ${tenant.status}`);
      }
    }
    user.lastLoginAt = new Date();
    const session = await issueSession(em, deps.auth, {
      userId: user.id,
      role: user.role,
      tenantId: user.tenantId ?? null,
    });
    return { ...session, user: toUserView(user) };
  });
}

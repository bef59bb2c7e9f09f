import { User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { AppError } from '../errors/app-error';
import type { AuthSettings } from './auth-settings';
import { openAccountSession, signInRefusal } from './account-sign-in';
import type { IssuedSession } from './issue-session';
import { verifyPassword } from './password';
import type { UserView } from '../../contracts/users';

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
    const refusal = await signInRefusal(em, user);
    if (refusal?.reason === 'deactivated') throw new AppError('unauthorized', 'This account is deactivated');
    if (refusal) throw new AppError('forbidden', `Your organisation is ${refusal.tenantStatus}`);
    return openAccountSession(em, deps.auth, user);
  });
}

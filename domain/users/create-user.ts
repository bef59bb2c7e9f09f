import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Tenant, User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { hashPassword } from '../auth/password';
import { assertCan, assertTenantAccess } from '../auth/permissions';
import { AppError, notFound } from '../errors/app-error';
import type { CreateUserBody, UserView } from '../../contracts/users';
import { toUserView } from './user-view';

export async function createUser(
  deps: { orm: Orm },
  { actor, tenantId, input }: { actor: Actor; tenantId: string; input: CreateUserBody },
): Promise<UserView> {
  assertTenantAccess(actor, tenantId);
  assertCan(actor, 'users:manage');
  const passwordHash = await hashPassword(input.password);
  try {
    return await inScope(deps.orm, scopeOf(actor), async (em) => {
      if (!(await em.findOne(Tenant, { id: tenantId }))) throw notFound('Tenant');
      const user = em.create(User, { tenantId, email: input.email, name: input.name, role: input.role, passwordHash });
      recordAudit(em, { actor, tenantId, action: 'user.created', targetType: 'user', targetId: user.id });
      await em.flush();
      return toUserView(user);
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new AppError('conflict', 'A user with this email already exists', {
        errors: [{ path: 'email', message: 'already registered' }],
      });
    }
    throw error;
  }
}

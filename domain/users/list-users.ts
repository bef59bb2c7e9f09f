import { User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan, assertTenantAccess } from '../auth/permissions';
import type { Page, PageQuery } from '../../contracts/page';
import { findPage, pageWindow } from '../pagination';
import type { UserView } from '../../contracts/users';
import { toUserView } from './user-view';

export async function listUsers(
  deps: { orm: Orm },
  { actor, tenantId, page }: { actor: Actor; tenantId: string; page: PageQuery },
): Promise<Page<UserView>> {
  assertTenantAccess(actor, tenantId);
  assertCan(actor, 'users:read');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const [users, total] = await findPage(
      em,
      User,
      { tenantId },
      { orderBy: { createdAt: 'asc', id: 'asc' }, ...pageWindow(page) },
    );
    return { items: users.map(toUserView), total, ...page };
  });
}

import type { Me } from '../../contracts/auth';
import { Tenant, User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { notFound } from '../errors/app-error';
import { toTenantView } from '../tenants/tenant-view';
import { toUserView } from './user-view';

/** The signed-in user and their tenant; platform staff belong to none. */
export async function getMe(deps: { orm: Orm }, actor: Actor): Promise<Me> {
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const user = await em.findOne(User, { id: actor.userId });
    if (!user) throw notFound('User');
    const tenant = actor.tenantId ? await em.findOne(Tenant, { id: actor.tenantId }) : null;
    return { user: toUserView(user), tenant: tenant ? toTenantView(tenant) : null };
  });
}

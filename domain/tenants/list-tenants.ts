import { Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import type { Page, PageQuery } from '../../contracts/page';
import { findPage, pageWindow } from '../pagination';
import type { TenantStatus } from '../../contracts/tenant-status';
import { toTenantView } from './tenant-view';
import type { TenantView } from '../../contracts/tenants';

/** Platform staff see every tenant; a customer sees only their own (row-level security enforces it too). */
export async function listTenants(
  deps: { orm: Orm },
  { actor, page, status }: { actor: Actor; page: PageQuery; status?: TenantStatus },
): Promise<Page<TenantView>> {
  assertCan(actor, 'tenants:read');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const where = {
      ...(actor.tenantId ? { id: actor.tenantId } : {}),
      ...(status ? { status } : {}),
    };
    const [tenants, total] = await findPage(em, Tenant, where, {
      orderBy: { createdAt: 'desc', id: 'asc' },
      ...pageWindow(page),
    });
    return { items: tenants.map(toTenantView), total, ...page };
  });
}

import { Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan, assertTenantAccess } from '../auth/permissions';
import { notFound } from '../errors/app-error';
import { toTenantView } from './tenant-view';
import type { TenantView } from '../../contracts/tenants';

export async function getTenant(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: Actor; tenantId: string },
): Promise<TenantView> {
  assertTenantAccess(actor, tenantId);
  assertCan(actor, 'tenants:read');
  const tenant = await inScope(deps.orm, scopeOf(actor), (em) => em.findOne(Tenant, { id: tenantId }));
  if (!tenant) throw notFound('Tenant');
  return toTenantView(tenant);
}

import type { BrandingView } from '../../contracts/branding';
import { Tenant, TenantBranding } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { tenantToRead } from '../auth/tenant-to-read';
import { notFound } from '../errors/app-error';
import { toBrandingView } from './branding-view';

/** A tenant's branding (customers: their own; platform staff: the tenant they name). Reading needs no plan. */
export async function getBranding(
  deps: { orm: Orm },
  { actor, tenantId }: { actor: Actor; tenantId?: string },
): Promise<BrandingView> {
  const target = tenantToRead(actor, tenantId, 'branding:read');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const tenant = await em.findOne(Tenant, { id: target }, { fields: ['id', 'slug'] });
    if (!tenant) throw notFound('Tenant');
    return toBrandingView(tenant, await em.findOne(TenantBranding, { tenantId: target }));
  });
}

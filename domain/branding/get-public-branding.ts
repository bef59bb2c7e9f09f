import type { PublicBranding } from '../../contracts/branding';
import { Tenant, TenantBranding } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { notFound } from '../errors/app-error';
import { toPublicBranding } from './branding-view';

/** The branding of the tenant a slug names, for the login page: the branding fields and nothing else. */
export async function getPublicBranding(deps: { orm: Orm }, { slug }: { slug: string }): Promise<PublicBranding> {
  return inScope(deps.orm, { system: 'public-branding' }, async (em) => {
    const tenant = await em.findOne(Tenant, { slug }, { fields: ['id', 'slug'] });
    if (!tenant) throw notFound('Tenant');
    return toPublicBranding(tenant.slug, await em.findOne(TenantBranding, { tenantId: tenant.id }));
  });
}

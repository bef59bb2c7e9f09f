import { Tenant } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';

/**
 * The tenant a slug names (a subdomain, an `X-Tenant-Slug` header, the login page's `?tenant=`), or null. Read
 * without a session's scope, so it returns the id and slug only: callers decide what the caller may see of it.
 */
export async function findTenantBySlug(
  deps: { orm: Orm },
  slug: string,
  reason: string,
): Promise<{ id: string; slug: string } | null> {
  return inScope(deps.orm, { system: reason }, async (em) => {
    const tenant = await em.findOne(Tenant, { slug }, { fields: ['id', 'slug'] });
    return tenant ? { id: tenant.id, slug: tenant.slug } : null;
  });
}

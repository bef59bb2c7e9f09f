import type { BrandingAsset, ImageContentType } from '../../contracts/branding';
import { Tenant, TenantBranding } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { notFound } from '../errors/app-error';
import { imageColumns } from './branding-view';

export interface StoredBrandingImage {
  bytes: Buffer;
  contentType: ImageContentType;
  digest: string;
}

/** An uploaded logo or favicon by the tenant's slug (public: browsers load it on the login page too). */
export async function getBrandingAsset(
  deps: { orm: Orm },
  { tenantSlug, asset }: { tenantSlug: string; asset: BrandingAsset },
): Promise<StoredBrandingImage> {
  return inScope(deps.orm, { system: 'public-branding' }, async (em) => {
    const tenant = await em.findOne(Tenant, { slug: tenantSlug }, { fields: ['id'] });
    const columns = imageColumns(asset);
    const branding = tenant
      ? await em.findOne(TenantBranding, { tenantId: tenant.id }, { populate: [columns.data] })
      : null;
    const bytes = branding?.[columns.data];
    const contentType = branding?.[columns.type];
    const digest = branding?.[columns.digest];
    if (!bytes || !contentType || !digest) throw notFound(`The ${asset}`);
    return { bytes: Buffer.from(bytes), contentType: contentType as ImageContentType, digest };
  });
}

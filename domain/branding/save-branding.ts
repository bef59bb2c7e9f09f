import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  BRANDING_ASSETS,
  type BrandingAsset,
  type BrandingView,
  type SaveBrandingBody,
} from '../../contracts/branding';
import { Tenant, TenantBranding } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { ownTenantOf } from '../auth/tenant-to-read';
import { AppError, notFound } from '../errors/app-error';
import { imageColumns, toBrandingView } from './branding-view';

/** The image's columns set to `url` (null: no image), the upload cleared. */
const imageFromUrl = (asset: BrandingAsset, url: string | null) => {
  const columns = imageColumns(asset);
  return {
    [columns.url]: url,
    [columns.data]: null,
    [columns.type]: null,
    [columns.digest]: null,
    [columns.size]: null,
  };
};

/**
 * Changes a tenant's branding in one transaction with its audit record: the row is created on first save. `change`
 * sets the columns and returns what the audit records of it (never image bytes).
 */
export async function changeBranding(
  deps: { orm: Orm },
  actor: Actor,
  change: (branding: TenantBranding, em: ScopedEm) => Record<string, unknown>,
): Promise<BrandingView> {
  const tenantId = ownTenantOf(actor, 'branding:manage');
  return inScope(deps.orm, { tenantId }, async (em) => {
    const tenant = await em.findOne(Tenant, { id: tenantId }, { fields: ['id', 'slug'] });
    if (!tenant) throw notFound('Tenant');
    const branding = (await em.findOne(TenantBranding, { tenantId })) ?? em.create(TenantBranding, { tenantId });
    const details = change(branding, em);
    recordAudit(em, { actor, action: 'branding.updated', targetType: 'tenant', targetId: tenantId, details });
    await em.flush();
    return toBrandingView(tenant, branding);
  }).catch((error: unknown) => {
    // Two first saves at once: the other one created the row.
    if (error instanceof UniqueConstraintViolationException) {
      throw new AppError('conflict', 'The branding was saved at the same moment elsewhere; reload and try again');
    }
    throw error;
  });
}

/**
 * Saves the title, colour and image URLs (white label). A URL replaces an uploaded image, null removes the image,
 * an image left out stays as it is.
 */
export async function saveBranding(
  deps: { orm: Orm },
  { actor, input }: { actor: Actor; input: SaveBrandingBody },
): Promise<BrandingView> {
  return changeBranding(deps, actor, (branding, em) => {
    em.assign(branding, { dashboardTitle: input.dashboardTitle, primaryColor: input.primaryColor });
    const images: Record<string, string> = {};
    for (const asset of BRANDING_ASSETS) {
      const url = input[`${asset}Url`];
      if (url === undefined) continue;
      em.assign(branding, imageFromUrl(asset, url));
      images[asset] = url === null ? 'removed' : 'url';
    }
    return { dashboardTitle: input.dashboardTitle, primaryColor: input.primaryColor, images };
  });
}

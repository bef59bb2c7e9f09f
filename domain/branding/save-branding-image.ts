import { createHash } from 'node:crypto';
import type { BrandingAsset, BrandingView } from '../../contracts/branding';
import type { Orm } from '../../db/orm';
import type { Actor } from '../auth/actor';
import { checkBrandingImage } from './check-branding-image';
import { imageColumns } from './branding-view';
import { changeBranding } from './save-branding';

/** Stores an uploaded logo or favicon after checking it (type, size, magic bytes, inert SVG); it replaces a URL. */
export async function saveBrandingImage(
  deps: { orm: Orm },
  input: { actor: Actor; asset: BrandingAsset; contentType: string | undefined; bytes: Buffer },
): Promise<BrandingView> {
  const { actor, asset, bytes } = input;
  const contentType = checkBrandingImage(asset, input.contentType, bytes);
  const digest = createHash('sha256').update(bytes).digest('hex');
  const columns = imageColumns(asset);
  return changeBranding(deps, actor, (branding, em) => {
    em.assign(branding, {
      [columns.url]: null,
      [columns.data]: bytes,
      [columns.type]: contentType,
      [columns.digest]: digest,
      [columns.size]: bytes.length,
    });
    return { images: { [asset]: 'upload' }, contentType, bytes: bytes.length, digest };
  });
}

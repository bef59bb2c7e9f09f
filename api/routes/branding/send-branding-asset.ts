import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BrandingAsset } from '../../../contracts/branding';
import { getBrandingAsset } from '../../../domain/branding/get-branding-asset';
import type { AppDeps } from '../../app-deps';

/**
 * Served images cannot act: a sandboxing CSP without script (an SVG opened on its own runs nothing and loads
 * nothing) and no sniffing past the checked type.
 */
const ASSET_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-site',
};

/**
 * Sends an uploaded logo or favicon. A URL whose `v` is the current digest may be cached for good (a new upload
 * gets a new URL); any other for five minutes. `If-None-Match` with the ETag answers 304.
 */
export async function sendBrandingAsset(
  deps: AppDeps,
  params: { tenantSlug: string; asset: BrandingAsset },
  version: string | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const image = await getBrandingAsset(deps, params);
  const etag = `"${image.digest}"`;
  const current = version !== undefined && image.digest.startsWith(version);
  reply
    .headers(ASSET_HEADERS)
    .header('etag', etag)
    .header('cache-control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.type(image.contentType).send(image.bytes);
}

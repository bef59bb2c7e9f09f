import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ASSET_CONTENT_TYPES,
  BRANDING_ASSETS,
  BrandingAssetParams,
  BrandingAssetQuery,
  BrandingQuery,
  BrandingView,
  MAX_ASSET_BYTES,
  PublicBranding,
  PublicBrandingQuery,
  SaveBrandingBody,
  type BrandingAsset,
} from '../../../contracts/branding';
import { getBranding } from '../../../domain/branding/get-branding';
import { getPublicBranding } from '../../../domain/branding/get-public-branding';
import { saveBranding } from '../../../domain/branding/save-branding';
import { saveBrandingImage } from '../../../domain/branding/save-branding-image';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { requireFeature } from '../../require-feature';
import { noBody, responds } from '../../responses';
import { sendBrandingAsset } from './send-branding-asset';
import { acceptImageBodies, imageBytesOf } from './uploaded-image';

const binary = z.string().meta({ format: 'binary' });
const IMAGE = Object.fromEntries(
  [...new Set(BRANDING_ASSETS.flatMap((asset) => ASSET_CONTENT_TYPES[asset]))].map((type) => [
    type,
    { schema: binary },
  ]),
);

/** White-label branding (seed 003 S6): read by everyone of the tenant, changed by its admin on a plan with it. */
export const brandingRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['branding'];
  acceptImageBodies(app);
  const manage = [app.requirePermission('branding:manage'), requireFeature(deps, 'whiteLabel')];

  app.get(
    '/branding',
    {
      schema: {
        tags,
        summary: 'The tenant’s branding: title, primary colour, logo and favicon (platform staff: ?tenantId=)',
        description: 'A tenant that never saved its branding answers the defaults (all null).',
        querystring: BrandingQuery,
        response: responds({ 200: BrandingView }),
      },
      preHandler: app.requirePermission('branding:read'),
    },
    async (request) => getBranding(deps, { actor: actorOf(request), tenantId: request.query.tenantId }),
  );

  app.put(
    '/branding',
    {
      schema: {
        tags,
        summary: 'Save the title, primary colour and image URLs (the tenant’s admin; plan with white label)',
        description:
          'null restores a default. `logoUrl`/`faviconUrl`: an https URL replaces an uploaded image, null removes ' +
          'the image, leaving it out keeps it. 402 when the plan lacks white label.',
        body: SaveBrandingBody,
        response: responds({ 200: BrandingView }),
      },
      preHandler: manage,
    },
    async (request) => saveBranding(deps, { actor: actorOf(request), input: request.body }),
  );

  for (const asset of BRANDING_ASSETS) {
    app.put(
      `/branding/${asset}`,
      {
        bodyLimit: MAX_ASSET_BYTES[asset],
        schema: {
          tags,
          summary: `Upload the ${asset}: the image’s bytes as the body with its content type`,
          description:
            `${asset === 'logo' ? 'PNG, JPEG, WebP or SVG' : 'PNG, SVG, WebP or ICO'}, at most ` +
            `${MAX_ASSET_BYTES[asset] / 1024} KiB (413 beyond). The bytes must be what the content type says; an ` +
            'SVG with scripts, event handlers or external references is refused. Replaces a URL. 402 when the ' +
            'plan lacks white label.',
          response: responds({ 200: BrandingView }),
        },
        preHandler: manage,
      },
      async (request) =>
        saveBrandingImage(deps, {
          actor: actorOf(request),
          asset: asset satisfies BrandingAsset,
          contentType: request.headers['content-type'],
          bytes: imageBytesOf(request.body),
        }),
    );
  }

  app.get(
    '/branding/assets/:tenantSlug/:asset',
    {
      schema: {
        tags,
        summary: 'An uploaded logo or favicon (public: the login page shows it before anyone signs in)',
        description:
          'Served as its checked type with a sandboxing CSP. With `?v=` naming the current digest it may be cached ' +
          'for a year, otherwise for five minutes; `If-None-Match` with its ETag answers 304.',
        params: BrandingAssetParams,
        querystring: BrandingAssetQuery,
        response: responds({ 200: { description: 'The image', content: IMAGE }, 304: noBody('Not modified') }),
      },
    },
    async (request, reply) => sendBrandingAsset(deps, request.params, request.query.v, request, reply),
  );

  app.get(
    '/public/branding',
    {
      schema: {
        tags,
        summary: 'A tenant’s public branding by its slug, for the sign-in page: the branding fields only',
        description: '404 when no tenant has the slug.',
        querystring: PublicBrandingQuery,
        response: responds({ 200: PublicBranding }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return getPublicBranding(deps, { slug: request.query.slug });
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RequestTenantExportBody,
  TenantExportDownloadQuery,
  TenantExportList,
  TenantExportParams,
  TenantExportView,
} from '../../../contracts/tenant-export';
import { AppError } from '../../../domain/errors/app-error';
import { latestTenantExport } from '../../../domain/tenant-export/latest-export';
import { listTenantExports } from '../../../domain/tenant-export/list-exports';
import { requestTenantExport } from '../../../domain/tenant-export/request-export';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';
import { sendExportArchive } from './send-export-archive';

const TenantParams = z.strictObject({ id: z.uuid() });
const ZIP = { 'application/zip': { schema: z.string().meta({ format: 'binary' }) } };

/**
 * Tenant data exports (GDPR Art. 15/20): start one, follow its progress, download the ZIP by its link. Platform
 * admins export any tenant, customer admins their own; another tenant's exports answer 404.
 */
export const tenantExportRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['tenants'];
  const exportDeps = () => {
    if (!deps.tenantExports) throw new AppError('unavailable', 'Exports are not available on this server');
    return { orm: deps.orm, ...deps.tenantExports };
  };
  const preHandler = [app.requireTenantParamAccess, app.requirePermission('tenants:export')];

  app.post(
    '/tenants/:id/exports',
    {
      schema: {
        tags,
        summary: 'Start an export of all the tenant’s data as a ZIP of JSON files (joins one under way)',
        description:
          'Answers 202 with the export; follow it with `GET /api/tenants/:id/exports`. `retentionDays` (1-30, ' +
          'default TENANT_EXPORT_RETENTION) is how long the archive is kept once ready.',
        params: TenantParams,
        body: RequestTenantExportBody,
        response: responds({ 202: TenantExportView }),
      },
      preHandler,
    },
    async (request, reply) =>
      reply.status(202).send(
        await requestTenantExport(exportDeps(), {
          actor: actorOf(request),
          tenantId: request.params.id,
          retentionDays: request.body.retentionDays,
        }),
      ),
  );

  app.get(
    '/tenants/:id/exports',
    {
      schema: {
        tags,
        summary: 'The tenant’s latest exports with status, progress and (while valid) the download link',
        params: TenantParams,
        response: responds({ 200: TenantExportList }),
      },
      preHandler,
    },
    async (request) => listTenantExports(exportDeps(), { actor: actorOf(request), tenantId: request.params.id }),
  );

  app.get(
    '/tenants/:id/export',
    {
      schema: {
        tags,
        summary: 'The latest downloadable export, else the one under way (404 when there is neither)',
        description:
          'Safe to repeat: a GET never starts an export (`POST /api/tenants/:id/exports` does). The answer carries ' +
          '`downloadUrl` while the archive can be downloaded, else the progress of the export under way.',
        params: TenantParams,
        response: responds({ 200: TenantExportView }),
      },
      preHandler,
    },
    async (request) => latestTenantExport(exportDeps(), { actor: actorOf(request), tenantId: request.params.id }),
  );

  app.get(
    '/exports/:exportId/download',
    {
      schema: {
        tags,
        summary: 'Download an export’s ZIP by its link (the token is the permission; no session needed)',
        description:
          '404 for an unknown export or a wrong token, 410 once the link expired, 409 while it is not ready.',
        params: TenantExportParams,
        querystring: TenantExportDownloadQuery,
        response: responds({ 200: { description: 'The archive', content: ZIP } }),
      },
    },
    async (request, reply) =>
      sendExportArchive(exportDeps(), { ...request.params, ...request.query, actor: request.actor ?? null }, reply),
  );
};

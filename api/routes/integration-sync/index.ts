import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ConversationSyncStarted, ConversationSyncStatus } from '../../../contracts/integration-sync';
import { IntegrationQuery } from '../../../contracts/integrations';
import { getSyncStatus } from '../../../domain/conversations/get-sync-status';
import { requestSync } from '../../../domain/conversations/request-sync';
import { syncsOf } from '../../../domain/integrations/elevenlabs-deps';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

/** The periodic ElevenLabs conversation sync of a tenant: its state for the integrations page, and "Sync now". */
export const integrationSyncRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['integrations'];
  const syncs = () => ({ orm: deps.orm, syncs: syncsOf(deps) });

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'The ElevenLabs conversation sync: last and next run, what it found, its error, the run under way',
        description:
          'Customers: their own tenant; platform staff: `?tenantId=`. 404 without an ElevenLabs integration.',
        querystring: IntegrationQuery,
        response: responds({ 200: ConversationSyncStatus }),
      },
      preHandler: app.requirePermission('integrations:read'),
    },
    async (request) => getSyncStatus(syncs(), { actor: actorOf(request), tenantId: request.query.tenantId }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Sync the tenant’s ElevenLabs conversations now (joins a sync already under way)',
        description: '404 without an ElevenLabs integration.',
        response: responds({ 202: ConversationSyncStarted }),
      },
      preHandler: app.requirePermission('integrations:manage'),
    },
    async (request, reply) => reply.status(202).send(await requestSync(syncs(), { actor: actorOf(request) })),
  );
};

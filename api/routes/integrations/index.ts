import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IntegrationQuery, IntegrationView, SaveIntegrationBody } from '../../../contracts/integrations';
import { deleteIntegration } from '../../../domain/integrations/delete-integration';
import { getIntegration } from '../../../domain/integrations/get-integration';
import { saveIntegration } from '../../../domain/integrations/save-integration';
import { testIntegration } from '../../../domain/integrations/test-integration';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { noBody, responds } from '../../responses';

/** The tenant's own ElevenLabs key (bring your own key): saved sealed, tested, shown only as a hint. */
export const integrationRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['integrations'];

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'The tenant’s ElevenLabs integration: status, key hint, webhook URL (platform staff: ?tenantId=)',
        description: '404 when the tenant has not saved a key.',
        querystring: IntegrationQuery,
        response: responds({ 200: IntegrationView }),
      },
      preHandler: app.requirePermission('integrations:read'),
    },
    async (request) => getIntegration(deps, { actor: actorOf(request), tenantId: request.query.tenantId }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Save the ElevenLabs API key and/or the post-call webhook secret (the tenant’s own admin)',
        description:
          'Both are stored encrypted and never returned. A new key is `unverified` until tested; the first save ' +
          'needs the key (201), later ones may send only the webhook secret (200).',
        body: SaveIntegrationBody,
        response: responds({ 200: IntegrationView, 201: IntegrationView }),
      },
      preHandler: app.requirePermission('integrations:manage'),
    },
    async (request, reply) => {
      const { integration, created } = await saveIntegration(deps, { actor: actorOf(request), input: request.body });
      return reply.status(created ? 201 : 200).send(integration);
    },
  );

  app.post(
    '/test',
    {
      schema: {
        tags,
        summary: 'Test the saved key against ElevenLabs and record ACTIVE or ERROR with the reason',
        description:
          'A refused key or a missing permission is recorded as ERROR (200). When ElevenLabs does not answer the ' +
          'answer is 503 and the recorded status stays as it was.',
        response: responds({ 200: IntegrationView }),
      },
      preHandler: app.requirePermission('integrations:manage'),
    },
    async (request) => testIntegration(deps, { actor: actorOf(request) }),
  );

  app.delete(
    '/',
    {
      schema: {
        tags,
        summary: 'Remove the ElevenLabs integration, its key and its registered agents (call logs stay)',
        response: responds({ 204: noBody('Removed') }),
      },
      preHandler: app.requirePermission('integrations:manage'),
    },
    async (request, reply) => {
      await deleteIntegration(deps, { actor: actorOf(request) });
      return reply.status(204).send(null);
    },
  );
};

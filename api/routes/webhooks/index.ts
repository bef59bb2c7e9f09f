import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PageQuery, pageOf } from '../../../contracts/page';
import { WebhookEventListQuery, WebhookEventView } from '../../../contracts/webhooks';
import { listWebhookEvents } from '../../../domain/webhook-inbox/list-webhook-events';
import { replayWebhookEvent } from '../../../domain/webhook-inbox/replay-webhook-event';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

const WebhookEventParams = z.object({ id: z.uuid() });

/** The inbound-webhook inbox for platform staff: list every event, replay one (decision 008). */
export const webhookRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'All inbound webhook events, newest first (without their payload)',
        querystring: PageQuery.extend(WebhookEventListQuery.shape),
        response: responds({ 200: pageOf(WebhookEventView) }),
      },
      preHandler: app.requirePermission('webhooks:read'),
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listWebhookEvents(deps, { actor: actorOf(request), page: { page, pageSize }, filter });
    },
  );

  app.post(
    '/:id/replay',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Deliver a failed or delivered event again',
        description:
          'Sets the event back to pending with no attempts, which wakes the relay; a pending event answers 409.',
        params: WebhookEventParams,
        response: responds({ 200: WebhookEventView }),
      },
      preHandler: app.requirePermission('webhooks:replay'),
    },
    async (request) => {
      return replayWebhookEvent(deps, { actor: actorOf(request), eventId: request.params.id });
    },
  );
};

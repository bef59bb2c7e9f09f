import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BotListQuery, BotView, CreateBotBody, CreatedBot, UpdateBotBody } from '../../../contracts/bots';
import { JobCancellation, JobView } from '../../../contracts/jobs';
import { pageOf } from '../../../contracts/page';
import { cancelBotProvisioning } from '../../../domain/bots/cancel-bot-provisioning';
import { createBot } from '../../../domain/bots/create-bot';
import { deleteBot } from '../../../domain/bots/delete-bot';
import { getBot } from '../../../domain/bots/get-bot';
import { getBotProvisioning } from '../../../domain/bots/get-bot-provisioning';
import { listBots } from '../../../domain/bots/list-bots';
import { retryBotProvisioning } from '../../../domain/bots/retry-bot-provisioning';
import { rotateBotNumber } from '../../../domain/bots/rotate-bot-number';
import { updateBot } from '../../../domain/bots/update-bot';
import { PageQuery } from '../../../contracts/page';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';
import { streamJobProgress } from './stream-job-progress';

const BotParams = z.object({ id: z.uuid() });

export const botRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['bots'];

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Bots, newest first',
        querystring: PageQuery.extend(BotListQuery.shape),
        response: responds({ 200: pageOf(BotView) }),
      },
      preHandler: app.requirePermission('bots:read'),
    },
    async (request) => {
      const { status, tenantId, ...page } = request.query;
      return listBots(deps, { actor: actorOf(request), page, filter: { status, tenantId } });
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a bot and start provisioning it',
        body: CreateBotBody,
        response: responds({ 202: CreatedBot }),
      },
      preHandler: app.requirePermission('bots:manage'),
    },
    async (request, reply) =>
      reply.status(202).send(await createBot(deps, { actor: actorOf(request), input: request.body })),
  );

  app.get(
    '/:id',
    {
      schema: { tags, summary: 'One bot', params: BotParams, response: responds({ 200: BotView }) },
      preHandler: app.requirePermission('bots:read'),
    },
    async (request) => getBot(deps, { actor: actorOf(request), botId: request.params.id }),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change how a bot sounds (and, for platform admins, its name)',
        params: BotParams,
        body: UpdateBotBody,
        response: responds({ 200: BotView }),
      },
      preHandler: app.requirePermission('bots:configure'),
    },
    async (request) => updateBot(deps, { actor: actorOf(request), botId: request.params.id, patch: request.body }),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Deprovision: release the number, delete the app',
        params: BotParams,
        response: responds({ 202: JobView }),
      },
      preHandler: app.requirePermission('bots:manage'),
    },
    async (request, reply) =>
      reply.status(202).send(await deleteBot(deps, { actor: actorOf(request), botId: request.params.id })),
  );

  app.get(
    '/:id/provisioning',
    {
      schema: {
        tags,
        summary: 'The latest job of the bot, step by step',
        params: BotParams,
        response: responds({ 200: JobView }),
      },
      preHandler: app.requirePermission('bots:read'),
    },
    async (request) => getBotProvisioning(deps, { actor: actorOf(request), botId: request.params.id }),
  );

  app.get(
    '/:id/provisioning/stream',
    {
      schema: {
        tags,
        summary: 'Server-Sent Events: the job after every step change',
        params: BotParams,
        response: responds({
          200: {
            description: 'A `progress` event carrying the JobView now and after every change, then one `end` event',
            content: { 'text/event-stream': { schema: z.string() } },
          },
        }),
      },
      preHandler: app.requirePermission('bots:read'),
    },
    async (request, reply) => streamJobProgress(deps, request, reply, request.params.id),
  );

  app.post(
    '/:id/rotate-number',
    {
      schema: {
        tags,
        summary: 'Move the bot to a new number; the old one is released',
        params: BotParams,
        response: responds({ 202: JobView }),
      },
      preHandler: app.requirePermission('bots:manage'),
    },
    async (request, reply) =>
      reply.status(202).send(await rotateBotNumber(deps, { actor: actorOf(request), botId: request.params.id })),
  );

  app.post(
    '/:id/retry',
    {
      schema: {
        tags,
        summary: 'New provisioning run after a failure',
        params: BotParams,
        response: responds({ 202: JobView }),
      },
      preHandler: app.requirePermission('bots:manage'),
    },
    async (request, reply) =>
      reply.status(202).send(await retryBotProvisioning(deps, { actor: actorOf(request), botId: request.params.id })),
  );

  app.post(
    '/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel the running job; what it created is undone',
        params: BotParams,
        response: responds({ 202: JobCancellation }),
      },
      preHandler: app.requirePermission('bots:manage'),
    },
    async (request, reply) =>
      reply.status(202).send(await cancelBotProvisioning(deps, { actor: actorOf(request), botId: request.params.id })),
  );
};

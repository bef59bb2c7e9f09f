import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UsageReportBody, UsageReportReceipt, UsageSummary, UsageSummaryQuery } from '../../../contracts/usage';
import { AppError } from '../../../domain/errors/app-error';
import { verifyBotRequest } from '../../../domain/usage/bot-signature';
import { getUsageSummary } from '../../../domain/usage/get-usage-summary';
import { recordBotUsage } from '../../../domain/usage/record-bot-usage';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
  }
}

const BotHeaders = z.looseObject({
  'x-voiceplane-bot': z.uuid(),
  'x-voiceplane-timestamp': z.string().regex(/^\d+$/),
  'x-voiceplane-signature': z.string().regex(/^[0-9a-f]{64}$/),
});

export const usageRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  // Bot reports are signed over their exact bytes, so this scope keeps the raw JSON next to the parsed body; the
  // parsing itself stays Fastify's, which refuses __proto__ and constructor.prototype keys as everywhere else.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    parseJson(request, body as string, (error, parsed) =>
      error ? done(new AppError('bad_request', 'The body is not valid JSON'), undefined) : done(null, parsed),
    );
  });

  app.get(
    '/summary',
    {
      schema: {
        tags: ['usage'],
        summary: 'Usage by day, bot or kind over a range',
        querystring: UsageSummaryQuery,
        response: responds({ 200: UsageSummary }),
      },
      preHandler: app.requirePermission('usage:read'),
    },
    async (request) => getUsageSummary(deps, { actor: actorOf(request), query: request.query }),
  );

  app.post(
    '/events',
    {
      schema: {
        tags: ['usage'],
        summary: 'Adapter counters from a bot runtime (HMAC-signed per bot)',
        headers: BotHeaders,
        body: UsageReportBody,
        response: responds({ 202: UsageReportReceipt }),
      },
      preHandler: async (request) => {
        const botId = request.headers['x-voiceplane-bot'] as string;
        const valid = verifyBotRequest(deps.botSecret(botId), {
          timestamp: request.headers['x-voiceplane-timestamp'] as string,
          signature: request.headers['x-voiceplane-signature'] as string,
          rawBody: request.rawBody ?? '',
        });
        if (!valid) throw new AppError('unauthorized', 'Invalid or expired bot signature');
      },
    },
    async (request, reply) => {
      const result = await recordBotUsage(deps, { botId: request.headers['x-voiceplane-bot'], body: request.body });
      return reply.status(202).send(result);
    },
  );
};

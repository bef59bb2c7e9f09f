import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MailSenderBody, MailSenderView } from '../../../contracts/integration-health';
import { IntegrationQuery } from '../../../contracts/integrations';
import { AppError } from '../../../domain/errors/app-error';
import { getMailSender } from '../../../domain/integrations/mail-sender/get-mail-sender';
import { saveMailSender } from '../../../domain/integrations/mail-sender/save-mail-sender';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

/** The tenant's mail sender (name and address), not yet used as the From of outgoing mail (decision 014); the SMTP server stays the platform's. */
export const mailSenderRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['integrations'];
  const senderDeps = () => {
    if (!deps.integrations) throw new AppError('unavailable', 'Mail settings are not wired in this process');
    return { orm: deps.orm, platformSender: deps.integrations.platformSender };
  };

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'The tenant’s mail sender, or the platform’s when it set none (platform staff: ?tenantId=)',
        querystring: IntegrationQuery,
        response: responds({ 200: MailSenderView }),
      },
      preHandler: app.requirePermission('integrations:read'),
    },
    async (request) => getMailSender(senderDeps(), { actor: actorOf(request), tenantId: request.query.tenantId }),
  );

  app.put(
    '/',
    {
      schema: {
        tags,
        summary: 'Set the tenant’s mail sender, not yet used as the From of its mail (the tenant’s own admin)',
        body: MailSenderBody,
        response: responds({ 200: MailSenderView }),
      },
      preHandler: app.requirePermission('integrations:manage'),
    },
    async (request) => saveMailSender(senderDeps(), { actor: actorOf(request), input: request.body }),
  );
};

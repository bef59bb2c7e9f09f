import { createHash } from 'node:crypto';
import { MAX_POST_CALL_WEBHOOK_BYTES } from '../../../contracts/body-limits';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptPostCallEvent } from '../../../domain/conversations/accept-post-call-event';
import { findPostCallReceiver } from '../../../domain/conversations/find-post-call-receiver';
import { AppError } from '../../../domain/errors/app-error';
import { checkPostCallSignature, readPostCallWebhook } from '../../../temporal/elevenlabs-webhooks';
import type { AppDeps } from '../../app-deps';
import { findUnstorableText } from '../../plugins/find-unstorable-text';
import { responds } from '../../responses';

const Params = z.strictObject({ webhookToken: z.string().min(1).max(128) });
const Received = z.object({ received: z.literal(true) });

/**
 * ElevenLabs' post-call webhook, one URL per tenant (decision 013). The signature covers the exact bytes, so the
 * body is read as text. A verified event of an agent this tenant registered goes to the inbox and is acknowledged;
 * a forged, stale or future one is refused, and so is an agent the tenant did not register (logged, written
 * nowhere). Nothing of the body is logged: it holds transcripts and callers' numbers.
 */
export const elevenLabsWebhookRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post(
    '/:webhookToken',
    {
      // `post_call_audio` carries the whole recording as base64, streamed (chunked) by ElevenLabs.
      bodyLimit: MAX_POST_CALL_WEBHOOK_BYTES,
      schema: {
        tags: ['integrations'],
        summary: 'ElevenLabs post-call webhook (transcription, audio, initiation failure)',
        description:
          'Signed by ElevenLabs (`ElevenLabs-Signature: t=…,v0=…`, HMAC-SHA256 with the tenant’s webhook secret); ' +
          'public, not for clients. 401 for a bad signature, 409 before a webhook secret is saved, 422 for an ' +
          'agent the tenant has not registered.',
        security: [],
        params: Params,
        body: z.string(),
        response: responds({ 200: Received }),
      },
    },
    async (request) => {
      const { webhookToken } = request.params;
      const integration = await findPostCallReceiver(deps, { webhookToken });
      if (!integration) {
        request.log.warn({ token: `${webhookToken.slice(0, 4)}…` }, 'elevenlabs_webhook_unknown');
        throw new AppError('not_found', 'No ElevenLabs webhook at this address');
      }
      const { tenantId, integrationId, webhookSecret } = integration;
      if (!webhookSecret) {
        request.log.warn({ tenantId, integrationId }, 'elevenlabs_webhook_secret_missing');
        throw new AppError('conflict', 'Save the webhook secret ElevenLabs shows before it can send webhooks here');
      }
      if (!deps.elevenLabs) throw new AppError('unavailable', 'ElevenLabs is not wired in this process');
      const signature = request.headers['elevenlabs-signature'];
      const check = checkPostCallSignature(
        request.body,
        typeof signature === 'string' ? signature : undefined,
        webhookSecret,
        {
          now: new Date(),
          toleranceMs: deps.elevenLabs.webhookToleranceMs,
        },
      );
      if (!check.valid) {
        request.log.warn({ tenantId, integrationId, reason: check.reason }, 'elevenlabs_signature_invalid');
        throw new AppError('unauthorized', 'Invalid ElevenLabs signature');
      }

      const event = readPostCallWebhook(request.body);
      const unstorable = event.type === 'post_call_audio' ? null : findUnstorableText(event, 'body');
      if (unstorable)
        throw new AppError('bad_request', 'The event holds text that cannot be stored', { errors: [unstorable] });
      const accepted = await acceptPostCallEvent(
        { orm: deps.orm, audio: deps.elevenLabs.audio, relayGroup: deps.inbox.relayGroup },
        { tenantId, event, bodySha256: createHash('sha256').update(request.body).digest('hex') },
      );
      if (accepted.outcome === 'unrouted') {
        request.log.warn(
          { tenantId, integrationId, agentId: accepted.agentId, conversationId: accepted.conversationId },
          'elevenlabs_agent_unrouted',
        );
        throw new AppError('unprocessable', `Agent ${accepted.agentId} is not one this organisation monitors`);
      }
      if (accepted.outcome === 'ignored')
        request.log.info({ tenantId, type: accepted.eventType }, 'elevenlabs_event_ignored');
      return { received: true as const };
    },
  );
};

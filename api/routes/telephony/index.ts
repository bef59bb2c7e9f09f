import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../domain/errors/app-error';
import { botMediaStreamUrl } from '../../../domain/telephony/bot-media-stream-url';
import { signBotStreamToken } from '../../../domain/telephony/bot-stream-token';
import { createCallRouteCache } from '../../../domain/telephony/call-route-cache';
import { resolveCallRoute } from '../../../domain/telephony/resolve-call-route';
import { connectToBotTwiml, refuseCallTwiml } from '../../../domain/telephony/twiml';
import type { InboxDelivery } from '../../../domain/webhook-inbox/inbox-event';
import { recordInboundEvent } from '../../../domain/webhook-inbox/record-inbound-event';
import type { AppDeps } from '../../app-deps';
import { noBody, responds } from '../../responses';
import { CallParams } from './call-params';
import { acceptTwilioForms, verifyTwilioSignature } from './twilio-webhook';

const REFUSALS = {
  tenant_inactive: 'This service is not available at the moment. Goodbye.',
  bot_unavailable: 'This assistant is not available at the moment. Please try again later. Goodbye.',
  over_plan_limit: 'This service has reached its limit for this month. Goodbye.',
  payment_overdue: 'This service is paused until an open payment is settled. Goodbye.',
} as const;

/**
 * Twilio's voice and status webhooks. Both verify the signature, route by the called number, write the event to
 * the inbox (a retry with the same dedupe key is dropped there) and answer at once; the inbox relay hands it to
 * the call's workflow (decision 008).
 */
export const telephonyRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  acceptTwilioForms(app);
  const verified = verifyTwilioSignature(deps.telephony);
  const routeOf = createCallRouteCache((calledNumber) => resolveCallRoute(deps, calledNumber), {
    ttlMs: deps.telephony.routeCacheMs,
  });

  // The called number alone decides bot and tenant; an unknown number is logged and refused, never guessed.
  const route = async (request: FastifyRequest, params: CallParams) => {
    const routed = await routeOf(params.To);
    if (routed.kind === 'unroutable') {
      request.log.warn({ callSid: params.CallSid }, 'unroutable_call');
      throw new AppError('not_found', `No bot answers ${params.To}`);
    }
    // A deactivated tenant's numbers take no calls at all: Twilio plays its own failure message.
    if (routed.kind === 'refuse' && routed.reason === 'tenant_suspended') {
      request.log.warn({ callSid: params.CallSid, tenantId: routed.bot.tenantId }, 'call_for_suspended_tenant');
      throw new AppError('forbidden', 'The organisation this number belongs to is deactivated');
    }
    return routed;
  };
  const toCallStart = (params: CallParams, tenantId: string, botId: string) => ({
    callSid: params.CallSid,
    tenantId,
    botId,
    from: params.From,
    to: params.To,
    startedAt: new Date().toISOString(),
  });
  // Durable before it is acknowledged: once Twilio has its answer, the relay delivers the event whatever happens.
  const inbox = async (params: CallParams, tenantId: string, kind: string, delivery: InboxDelivery) => {
    await recordInboundEvent(
      { orm: deps.orm, relayGroup: deps.inbox.relayGroup },
      {
        provider: 'twilio',
        dedupeKey: `twilio:${params.CallSid}:${kind}`,
        subjectKey: `twilio:${params.CallSid}`,
        tenantId,
        raw: Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)])),
        delivery,
      },
    );
  };

  app.post(
    '/incoming',
    {
      schema: {
        tags: ['telephony'],
        summary: 'Twilio voice webhook',
        body: CallParams,
        response: responds({
          200: {
            description: 'TwiML: connect the call to its bot’s media stream, or say why it is refused and hang up',
            content: { 'text/xml': { schema: z.string() } },
          },
        }),
      },
      preValidation: verified,
    },
    async (request, reply) => {
      const params = request.body;
      const routed = await route(request, params);
      reply.type('text/xml');
      if (routed.kind === 'refuse') {
        if (routed.appUrlMissing) {
          // Provisioned before app URLs were recorded: `npm run bots:backfill-app-urls` fills it in.
          request.log.warn({ botId: routed.bot.id }, 'bot_without_app_url');
        }
        request.log.info({ callSid: params.CallSid, reason: routed.reason }, 'call_refused');
        return refuseCallTwiml(REFUSALS[routed.reason as keyof typeof REFUSALS], routed.bot.locale);
      }
      const streamUrl = botMediaStreamUrl(routed.appUrl);
      await inbox(params, routed.bot.tenantId, 'voice', {
        kind: 'signal',
        start: toCallStart(params, routed.bot.tenantId, routed.bot.id),
        event: { status: params.CallStatus, durationSeconds: null, at: new Date().toISOString() },
      });
      // The bot's own runtime takes the audio and greets the caller (runtime/voice-bot/).
      return connectToBotTwiml({
        streamUrl,
        botId: routed.bot.id,
        callSid: params.CallSid,
        botStreamToken: signBotStreamToken(deps.botSecret(routed.bot.id), params.CallSid),
      });
    },
  );

  app.post(
    '/status',
    {
      schema: {
        tags: ['telephony'],
        summary: 'Twilio status callback',
        body: CallParams,
        response: responds({ 204: noBody('Recorded in the inbox; the relay delivers it to the call') }),
      },
      preValidation: verified,
    },
    async (request, reply) => {
      const params = request.body;
      const routed = await route(request, params);
      const event = {
        status: params.CallStatus,
        durationSeconds: params.CallDuration ?? null,
        at: params.Timestamp ?? new Date().toISOString(),
      };
      // A refused call is not metered; one accepted before the tenant was suspended still finishes its metering.
      const delivery: InboxDelivery =
        routed.kind === 'connect'
          ? { kind: 'signal', start: toCallStart(params, routed.bot.tenantId, routed.bot.id), event }
          : { kind: 'signalIfMetered', callSid: params.CallSid, event };
      await inbox(params, routed.bot.tenantId, `status:${params.CallStatus}`, delivery);
      return reply.status(204).send(null);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { stripeEventFacts, type VerifiedStripeEvent } from '../../../domain/billing/apply-stripe-event';
import { findTenantByStripeCustomer } from '../../../domain/billing/find-tenant-by-stripe-customer';
import { AppError } from '../../../domain/errors/app-error';
import { recordInboundEvent } from '../../../domain/webhook-inbox/record-inbound-event';
import type { AppDeps } from '../../app-deps';
import { responds } from '../../responses';

const Received = z.object({ received: z.literal(true) });

/**
 * Stripe's webhook. The signature covers the exact bytes, so this route (and only this one) reads the body as
 * text. A verified event is written to the inbox under its customer's tenant and acknowledged; the relay applies
 * it to invoices and subscription (decision 008). Stripe retries anything but a 2xx for days, so an event of a
 * customer the platform does not know is logged and acknowledged, while a forged or stale one is refused.
 */
export const stripeWebhookRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post(
    '/webhook',
    {
      schema: {
        tags: ['billing'],
        summary: 'Stripe webhook',
        description: 'Signed by Stripe (`Stripe-Signature`, five minutes’ tolerance); public, not for clients.',
        security: [],
        body: z.string(),
        response: responds({ 200: Received }),
      },
    },
    async (request) => {
      const signature = request.headers['stripe-signature'];
      let event: VerifiedStripeEvent;
      try {
        if (typeof signature !== 'string') throw new Error('no Stripe-Signature header');
        event = deps.stripeWebhooks.verify(request.body, signature);
      } catch (error) {
        request.log.warn({ reason: (error as Error).message }, 'stripe_signature_invalid');
        throw new AppError('bad_request', 'Invalid Stripe signature');
      }
      const facts = stripeEventFacts(event);
      const tenantId = facts && (await findTenantByStripeCustomer(deps, { customerId: facts.customerId }));
      if (!facts || !tenantId) {
        request.log.warn(
          { eventId: event.id, type: event.type, customerId: facts?.customerId },
          'stripe_event_unrouted',
        );
        return { received: true as const };
      }
      // Durable before it is acknowledged; a replayed event id is dropped by the inbox's unique key.
      await recordInboundEvent(
        { orm: deps.orm, relayGroup: deps.inbox.relayGroup },
        {
          provider: 'stripe',
          dedupeKey: event.id,
          subjectKey: `stripe:${facts.customerId}`,
          tenantId,
          raw: { body: request.body },
          delivery: { kind: 'stripe', event: facts },
        },
      );
      return { received: true as const };
    },
  );
};

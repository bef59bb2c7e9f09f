import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { noSuch } from './errors';
import { listOf } from './list';
import { list, mergeMetadata, onlyKnown, required, text } from './params';
import { renderPaymentIntent } from './render-invoice';
import { bodyOf, queryOf, routeKit, type IdParams } from './route-kit';
import { now, stripeId, type StripeWebhookEndpoint } from './state';
import { renderEvent } from './webhooks';

function renderEndpoint(endpoint: StripeWebhookEndpoint, withSecret = false) {
  return {
    id: endpoint.id,
    object: 'webhook_endpoint' as const,
    api_version: null,
    application: null,
    created: endpoint.created,
    description: endpoint.description,
    enabled_events: endpoint.enabledEvents,
    livemode: false,
    metadata: endpoint.metadata,
    // Stripe shows the signing secret only when the endpoint is created.
    ...(withSecret ? { secret: endpoint.secret } : {}),
    status: 'enabled',
    url: endpoint.url,
  };
}

/** `/v1/events`, `/v1/webhook_endpoints` and `/v1/payment_intents/:id` (which events refer to). */
export async function eventRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const { on, stripe } = routeKit(sim);

  app.get('/v1/events', on('stripe.listEvents'), async (request) => {
    const query = queryOf(request);
    onlyKnown(query, ['type', 'types', 'limit', 'starting_after', 'ending_before', 'created', 'delivery_success']);
    const type = text(query, 'type');
    const types = list(query, 'types');
    // `type` may end in `*` (`invoice.*`), as on Stripe.
    const matches = (candidate: string) =>
      (type === undefined || (type.endsWith('*') ? candidate.startsWith(type.slice(0, -1)) : candidate === type)) &&
      (types === undefined || types.includes(candidate));
    const events = [...stripe().events].reverse().filter((event) => matches(event.type));
    return listOf(events.map(renderEvent), query, '/v1/events');
  });

  app.get<IdParams>('/v1/events/:id', on('stripe.getEvent'), async (request) => {
    const event = stripe().events.find((candidate) => candidate.id === request.params.id);
    if (!event) throw noSuch('event', request.params.id);
    return renderEvent(event);
  });

  app.post('/v1/webhook_endpoints', on('stripe.createWebhookEndpoint'), async (request) => {
    const form = bodyOf(request);
    onlyKnown(form, ['url', 'enabled_events', 'description', 'metadata', 'api_version']);
    const endpoint: StripeWebhookEndpoint = {
      id: stripeId('we'),
      created: now(),
      url: required(text(form, 'url'), 'url'),
      secret: `whsec_${randomBytes(24).toString('hex')}`,
      enabledEvents: required(list(form, 'enabled_events'), 'enabled_events').map(String),
      description: text(form, 'description') ?? null,
      metadata: mergeMetadata({}, form),
    };
    stripe().webhookEndpoints.set(endpoint.id, endpoint);
    return renderEndpoint(endpoint, true);
  });

  app.get('/v1/webhook_endpoints', on('stripe.listWebhookEndpoints'), async (request) => {
    const query = queryOf(request);
    onlyKnown(query, ['limit', 'starting_after', 'ending_before']);
    const endpoints = [...stripe().webhookEndpoints.values()].reverse();
    return listOf(
      endpoints.map((endpoint) => renderEndpoint(endpoint)),
      query,
      '/v1/webhook_endpoints',
    );
  });

  app.delete<IdParams>('/v1/webhook_endpoints/:id', on('stripe.deleteWebhookEndpoint'), async (request) => {
    if (!stripe().webhookEndpoints.delete(request.params.id)) throw noSuch('webhook_endpoint', request.params.id);
    return { id: request.params.id, object: 'webhook_endpoint', deleted: true };
  });

  app.get<IdParams>('/v1/payment_intents/:id', on('stripe.getPaymentIntent'), async (request) => {
    const intent = stripe().paymentIntents.get(request.params.id);
    if (!intent) throw noSuch('payment_intent', request.params.id);
    return renderPaymentIntent(intent);
  });
}

import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { catalogRoutes } from './catalog-routes';
import { customerRoutes } from './customer-routes';
import { StripeApiError, invalid, stripeError } from './errors';
import { eventRoutes } from './event-routes';
import { parseStripeForm } from './form';
import { apiKeyOf } from './api-key';
import { rememberIdempotent } from './idempotency';
import { invoiceItemRoutes } from './invoice-item-routes';
import { invoiceRoutes } from './invoice-routes';
import { sessionRoutes } from './session-routes';
import { stripeId } from './state';
import { subscriptionRoutes } from './subscription-routes';

/**
 * The Stripe API subset at `/v1`, where the SDK's fixed base path puts it (pointed here with host/port/protocol).
 * Test-mode keys only (`sk_test_…`, `rk_test_…`); form bodies parsed with Stripe's nesting.
 */
export async function stripeRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const stripe = () => sim.state.stripe;
  // Encapsulated: Twilio's flat form parser stays as it is outside this plugin.
  app.removeContentTypeParser('application/x-www-form-urlencoded');
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, parseStripeForm(body as string)),
  );

  app.addHook('onRequest', async (request, reply) => {
    reply.header('request-id', stripeId('req', 14));
    const key = apiKeyOf(request);
    if (!key) {
      return stripeError(
        reply,
        new StripeApiError(
          401,
          'invalid_request_error',
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        ),
      );
    }
    if (!/^(sk|rk)_test_/.test(key)) {
      const masked = `${key.slice(0, 8)}${'*'.repeat(Math.max(key.length - 12, 0))}${key.slice(-4)}`;
      return stripeError(
        reply,
        new StripeApiError(401, 'invalid_request_error', `Invalid API Key provided: ${masked}`, 'api_key_invalid'),
      );
    }
  });
  app.addHook('onSend', rememberIdempotent(stripe));

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof StripeApiError) return stripeError(reply, error);
    const { statusCode = 500, message = 'Invalid request' } = error as { statusCode?: number; message?: string };
    if (statusCode < 500) return stripeError(reply, invalid(message));
    reply.log.error(error);
    return stripeError(reply, new StripeApiError(500, 'api_error', 'An unexpected error occurred in the simulator.'));
  });

  await app.register(customerRoutes, { sim });
  await app.register(catalogRoutes, { sim });
  await app.register(invoiceItemRoutes, { sim });
  await app.register(invoiceRoutes, { sim });
  await app.register(subscriptionRoutes, { sim });
  await app.register(sessionRoutes, { sim });
  await app.register(eventRoutes, { sim });
}

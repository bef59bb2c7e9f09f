import type { FastifyInstance } from 'fastify';
import { baseUrlOf, type SimContext } from '../context';
import { invalid, noSuch } from './errors';
import { choice, forms, integer, mergeMetadata, object, onlyKnown, required, text } from './params';
import { renderCheckoutSession, renderPortalSession } from './render-billing';
import { bodyOf, liveCustomer, routeKit, type IdParams } from './route-kit';
import { now, stripeId, type StripeCheckoutSession, type StripePortalSession } from './state';

/** `/v1/checkout/sessions` and `/v1/billing_portal/sessions`: their `url`s open the simulator's hosted pages. */
export async function sessionRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const { on, stripe } = routeKit(sim);

  app.post('/v1/checkout/sessions', on('stripe.createCheckoutSession'), async (request) => {
    const form = bodyOf(request);
    onlyKnown(form, [
      'mode',
      'line_items',
      'customer',
      'customer_email',
      'success_url',
      'cancel_url',
      'client_reference_id',
      'metadata',
      'subscription_data',
      'allow_promotion_codes',
      'billing_address_collection',
      'locale',
      'payment_method_types',
    ]);
    const mode = required(choice(form, 'mode', ['payment', 'setup', 'subscription']), 'mode');
    if (mode !== 'subscription') {
      throw invalid('The simulator supports Checkout in mode=subscription only.', undefined, 'mode');
    }
    const lineItems = required(forms(form, 'line_items'), 'line_items').map((line, index) => {
      const at = `line_items[${index}]`;
      onlyKnown(line, ['price', 'quantity'], at);
      const priceId = required(text(line, 'price', at), 'price', at);
      const price = stripe().prices.get(priceId);
      if (!price) throw invalid(`No such price: '${priceId}'`, 'resource_missing', `${at}[price]`);
      if (!price.recurring) throw invalid('mode=subscription needs recurring prices.', undefined, `${at}[price]`);
      return { price: price.id, quantity: integer(line, 'quantity', at) ?? 1 };
    });
    const customer = text(form, 'customer');
    if (customer !== undefined && !stripe().customers.get(customer)) throw noSuch('customer', customer);
    const customerEmail = text(form, 'customer_email');
    if (customer && customerEmail) {
      throw invalid('You may only specify one of these parameters: customer, customer_email.');
    }
    const created = now();
    const id = stripeId('cs_test', 58);
    const session: StripeCheckoutSession = {
      id,
      created,
      expiresAt: created + 24 * 3600,
      url: `${baseUrlOf(request)}/stripe/checkout/${id}`,
      mode,
      customer: customer ?? null,
      customerEmail: customerEmail ?? null,
      lineItems,
      successUrl: required(text(form, 'success_url'), 'success_url'),
      cancelUrl: text(form, 'cancel_url') ?? null,
      clientReferenceId: text(form, 'client_reference_id') ?? null,
      metadata: mergeMetadata({}, form),
      subscriptionMetadata: mergeMetadata({}, object(form, 'subscription_data') ?? {}),
      status: 'open',
      subscription: null,
      invoice: null,
      declined: false,
    };
    stripe().checkoutSessions.set(session.id, session);
    return renderCheckoutSession(stripe(), session);
  });

  app.get<IdParams>('/v1/checkout/sessions/:id', on('stripe.getCheckoutSession'), async (request) => {
    const session = stripe().checkoutSessions.get(request.params.id);
    if (!session) throw noSuch('checkout.session', request.params.id);
    return renderCheckoutSession(stripe(), session);
  });

  app.post<IdParams>('/v1/checkout/sessions/:id/expire', on('stripe.expireCheckoutSession'), async (request) => {
    const session = stripe().checkoutSessions.get(request.params.id);
    if (!session) throw noSuch('checkout.session', request.params.id);
    if (session.status !== 'open') throw invalid(`This Checkout Session is ${session.status} and cannot be expired.`);
    session.status = 'expired';
    sim.stripe.emit('checkout.session.expired', renderCheckoutSession(stripe(), session));
    return renderCheckoutSession(stripe(), session);
  });

  app.post('/v1/billing_portal/sessions', on('stripe.createPortalSession'), async (request) => {
    const form = bodyOf(request);
    onlyKnown(form, ['customer', 'return_url', 'configuration', 'locale']);
    const customerId = required(text(form, 'customer'), 'customer');
    const customer = liveCustomer(stripe(), customerId);
    const id = stripeId('bps');
    const session: StripePortalSession = {
      id,
      created: now(),
      customer: customer.id,
      returnUrl: text(form, 'return_url') ?? null,
      url: `${baseUrlOf(request)}/stripe/billing-portal/${id}`,
    };
    stripe().portalSessions.set(session.id, session);
    return renderPortalSession(session);
  });
}

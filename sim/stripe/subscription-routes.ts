import type { FastifyInstance } from 'fastify';
import { baseUrlOf, type SimContext } from '../context';
import { announceSubscription, endSubscription } from './announce';
import { invalid, noSuch } from './errors';
import type { Form } from './form';
import { listOf, newestFirst } from './list';
import { choice, flag, forms, integer, mergeMetadata, onlyKnown, required, text } from './params';
import { renderSubscription } from './render-billing';
import { bodyOf, liveCustomer, queryOf, routeKit, type IdParams } from './route-kit';
import type { StripeState } from './state';
import { changeSubscriptionItems, startSubscription } from './subscriptions';

const LIST_STATUSES = ['active', 'past_due', 'incomplete', 'canceled', 'all'] as const;

/** `/v1/subscriptions`: start (first invoice charged at once), change price or quantity, cancel. */
export async function subscriptionRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const { on, stripe } = routeKit(sim);
  const find = (id: string) => {
    const subscription = stripe().subscriptions.get(id);
    if (!subscription) throw noSuch('subscription', id);
    return subscription;
  };

  app.post('/v1/subscriptions', on('stripe.createSubscription'), async (request) => {
    const form = bodyOf(request);
    onlyKnown(form, [
      'customer',
      'items',
      'metadata',
      'description',
      'collection_method',
      'days_until_due',
      'payment_behavior',
      'proration_behavior',
    ]);
    const customerId = required(text(form, 'customer'), 'customer');
    const customer = liveCustomer(stripe(), customerId);
    const items = required(forms(form, 'items'), 'items').map((item, index) => {
      onlyKnown(item, ['price', 'quantity', 'metadata'], `items[${index}]`);
      return { price: priceFor(stripe(), item, index), quantity: integer(item, 'quantity', `items[${index}]`) ?? 1 };
    });
    const subscription = startSubscription(
      sim,
      {
        customer,
        items,
        metadata: mergeMetadata({}, form),
        description: text(form, 'description'),
        collectionMethod: choice(form, 'collection_method', ['charge_automatically', 'send_invoice']),
        daysUntilDue: integer(form, 'days_until_due'),
        paymentBehavior: choice(form, 'payment_behavior', ['allow_incomplete', 'default_incomplete']),
      },
      baseUrlOf(request),
    );
    return renderSubscription(stripe(), subscription);
  });

  app.get<IdParams>('/v1/subscriptions/:id', on('stripe.getSubscription'), async (request) =>
    renderSubscription(stripe(), find(request.params.id)),
  );

  app.post<IdParams>('/v1/subscriptions/:id', on('stripe.updateSubscription'), async (request) => {
    const subscription = find(request.params.id);
    const form = bodyOf(request);
    if (subscription.status === 'canceled' && Object.keys(form).some((key) => key !== 'metadata')) {
      throw invalid('A canceled subscription can only update its cancellation_details and metadata.');
    }
    onlyKnown(form, [
      'items',
      'metadata',
      'description',
      'cancel_at_period_end',
      'proration_behavior',
      'payment_behavior',
    ]);
    choice(form, 'proration_behavior', ['create_prorations', 'none', 'always_invoice']);
    const changes = forms(form, 'items')?.map((item, index) => {
      onlyKnown(item, ['id', 'price', 'quantity', 'deleted'], `items[${index}]`);
      return {
        id: text(item, 'id', `items[${index}]`),
        price: text(item, 'price') === undefined ? undefined : priceFor(stripe(), item, index),
        quantity: integer(item, 'quantity', `items[${index}]`),
        deleted: flag(item, 'deleted', `items[${index}]`),
      };
    });
    const previous = { cancel_at_period_end: subscription.cancelAtPeriodEnd, metadata: subscription.metadata };
    subscription.metadata = mergeMetadata(subscription.metadata, form);
    subscription.description = text(form, 'description') ?? subscription.description;
    subscription.cancelAtPeriodEnd = flag(form, 'cancel_at_period_end') ?? subscription.cancelAtPeriodEnd;
    if (changes) changeSubscriptionItems(sim, subscription, changes);
    else announceSubscription(sim, 'customer.subscription.updated', subscription, previous);
    return renderSubscription(stripe(), subscription);
  });

  // Stripe answers a second cancel as if the subscription were gone.
  app.delete<IdParams>('/v1/subscriptions/:id', on('stripe.cancelSubscription'), async (request) => {
    const subscription = find(request.params.id);
    if (subscription.status === 'canceled') throw noSuch('subscription', subscription.id);
    onlyKnown(queryOf(request), ['invoice_now', 'prorate', 'cancellation_details']);
    endSubscription(sim, subscription);
    return renderSubscription(stripe(), subscription);
  });

  app.get('/v1/subscriptions', on('stripe.listSubscriptions'), async (request) => {
    const query = queryOf(request);
    onlyKnown(query, ['customer', 'status', 'price', 'limit', 'starting_after', 'ending_before', 'created']);
    const customer = text(query, 'customer');
    const status = choice(query, 'status', LIST_STATUSES);
    const price = text(query, 'price');
    const subscriptions = newestFirst(stripe().subscriptions).filter(
      (subscription) =>
        (customer === undefined || subscription.customer === customer) &&
        (status === 'all' || subscription.status === (status ?? subscription.status)) &&
        (status !== undefined || subscription.status !== 'canceled') &&
        (price === undefined || subscription.items.some((item) => item.price === price)),
    );
    return listOf(
      subscriptions.map((subscription) => renderSubscription(stripe(), subscription)),
      query,
      '/v1/subscriptions',
    );
  });
}

function priceFor(stripe: StripeState, item: Form, index: number) {
  const id = required(text(item, 'price', `items[${index}]`), 'price', `items[${index}]`);
  const price = stripe.prices.get(id);
  if (!price) throw invalid(`No such price: '${id}'`, 'resource_missing', `items[${index}][price]`);
  return price;
}

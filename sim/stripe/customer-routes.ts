import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { endSubscription } from './announce';
import { noSuch } from './errors';
import { listOf, newestFirst } from './list';
import { mergeMetadata, onlyKnown, text } from './params';
import { renderCustomer } from './render-catalog';
import { bodyOf, queryOf, routeKit, type IdParams } from './route-kit';
import { newCustomer } from './state';

const FIELDS = [
  'email',
  'name',
  'description',
  'phone',
  'metadata',
  'preferred_locales',
  'address',
  'invoice_settings',
];

/** `/v1/customers`: create, retrieve, update, delete (which ends the customer's subscriptions) and list. */
export async function customerRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const { on, stripe } = routeKit(sim);
  const find = (id: string) => {
    const customer = stripe().customers.get(id);
    if (!customer) throw noSuch('customer', id);
    return customer;
  };

  app.post('/v1/customers', on('stripe.createCustomer'), async (request) => {
    const form = bodyOf(request);
    onlyKnown(form, FIELDS);
    const customer = newCustomer({
      email: text(form, 'email'),
      name: text(form, 'name'),
      description: text(form, 'description'),
      phone: text(form, 'phone'),
      metadata: mergeMetadata({}, form),
    });
    stripe().customers.set(customer.id, customer);
    sim.stripe.emit('customer.created', renderCustomer(customer));
    return renderCustomer(customer);
  });

  app.get<IdParams>('/v1/customers/:id', on('stripe.getCustomer'), async (request) =>
    renderCustomer(find(request.params.id)),
  );

  app.post<IdParams>('/v1/customers/:id', on('stripe.updateCustomer'), async (request) => {
    const customer = find(request.params.id);
    if (customer.deleted) throw noSuch('customer', customer.id);
    const form = bodyOf(request);
    onlyKnown(form, FIELDS);
    const previous = renderCustomer(customer);
    // An empty string unsets a field, as on Stripe.
    for (const field of ['email', 'name', 'description', 'phone'] as const) {
      const value = text(form, field);
      if (value !== undefined) customer[field] = value === '' ? null : value;
    }
    customer.metadata = mergeMetadata(customer.metadata, form);
    const changed = Object.fromEntries(
      Object.keys(form).map((key) => [key, (previous as Record<string, unknown>)[key]]),
    );
    sim.stripe.emit('customer.updated', renderCustomer(customer), changed);
    return renderCustomer(customer);
  });

  app.delete<IdParams>('/v1/customers/:id', on('stripe.deleteCustomer'), async (request) => {
    const customer = find(request.params.id);
    if (customer.deleted) throw noSuch('customer', customer.id);
    for (const subscription of stripe().subscriptions.values()) {
      if (subscription.customer === customer.id) endSubscription(sim, subscription);
    }
    const snapshot = renderCustomer(customer);
    customer.deleted = true;
    sim.stripe.emit('customer.deleted', snapshot);
    return renderCustomer(customer);
  });

  app.get('/v1/customers', on('stripe.listCustomers'), async (request) => {
    const query = queryOf(request);
    onlyKnown(query, ['email', 'limit', 'starting_after', 'ending_before', 'created', 'test_clock']);
    const email = text(query, 'email');
    const customers = newestFirst(stripe().customers).filter(
      (customer) => !customer.deleted && (email === undefined || customer.email === email),
    );
    return listOf(customers.map(renderCustomer), query, '/v1/customers');
  });
}

import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { invalid, noSuch } from './errors';
import { listOf, newestFirst } from './list';
import { choice, decimal, flag, integer, list, mergeMetadata, object, onlyKnown, required, text } from './params';
import { renderPrice, renderProduct } from './render-catalog';
import { bodyOf, queryOf, routeKit, type IdParams } from './route-kit';
import { now, stripeId, type StripePrice, type StripeProduct } from './state';

const PAGING = ['limit', 'starting_after', 'ending_before', 'created'];

/** `/v1/products` and `/v1/prices`: the seeded plans (config/pricing.json) and any the caller creates. */
export async function catalogRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const { on, stripe } = routeKit(sim);

  app.get<IdParams>('/v1/products/:id', on('stripe.getProduct'), async (request) => {
    const product = stripe().products.get(request.params.id);
    if (!product) throw noSuch('product', request.params.id);
    return renderProduct(product);
  });

  app.get('/v1/products', on('stripe.listProducts'), async (request) => {
    const query = queryOf(request);
    onlyKnown(query, [...PAGING, 'active', 'ids', 'shippable', 'url']);
    const active = flag(query, 'active');
    const products = newestFirst(stripe().products).filter((p) => active === undefined || p.active === active);
    return listOf(products.map(renderProduct), query, '/v1/products');
  });

  app.post('/v1/products', on('stripe.createProduct'), async (request) => {
    const form = bodyOf(request);
    onlyKnown(form, ['id', 'name', 'description', 'metadata', 'active']);
    const id = text(form, 'id') ?? stripeId('prod', 14);
    if (stripe().products.has(id)) throw invalid(`Product already exists.`, 'resource_already_exists', 'id');
    const product: StripeProduct = {
      id,
      created: now(),
      name: required(text(form, 'name'), 'name'),
      description: text(form, 'description') ?? null,
      active: flag(form, 'active') ?? true,
      metadata: mergeMetadata({}, form),
    };
    stripe().products.set(product.id, product);
    return renderProduct(product);
  });

  app.get<IdParams>('/v1/prices/:id', on('stripe.getPrice'), async (request) => {
    const price = stripe().prices.get(request.params.id);
    if (!price) throw noSuch('price', request.params.id);
    return renderPrice(price);
  });

  app.get('/v1/prices', on('stripe.listPrices'), async (request) => {
    const query = queryOf(request);
    onlyKnown(query, [...PAGING, 'active', 'currency', 'lookup_keys', 'product', 'recurring', 'type']);
    const active = flag(query, 'active');
    const product = text(query, 'product');
    const currency = text(query, 'currency');
    const type = choice(query, 'type', ['one_time', 'recurring']);
    const lookupKeys = list(query, 'lookup_keys');
    const prices = newestFirst(stripe().prices).filter(
      (price) =>
        (active === undefined || price.active === active) &&
        (product === undefined || price.product === product) &&
        (currency === undefined || price.currency === currency) &&
        (type === undefined || (price.recurring ? 'recurring' : 'one_time') === type) &&
        (lookupKeys === undefined || lookupKeys.includes(price.lookupKey ?? '')),
    );
    return listOf(prices.map(renderPrice), query, '/v1/prices');
  });

  app.post('/v1/prices', on('stripe.createPrice'), async (request) => {
    const form = bodyOf(request);
    onlyKnown(form, [
      'currency',
      'unit_amount',
      'unit_amount_decimal',
      'product',
      'product_data',
      'recurring',
      'nickname',
      'lookup_key',
      'metadata',
      'active',
      'tax_behavior',
    ]);
    const productData = object(form, 'product_data');
    let productId = text(form, 'product');
    if (!productId && productData) {
      const created: StripeProduct = {
        id: stripeId('prod', 14),
        created: now(),
        name: required(text(productData, 'name', 'product_data'), 'name', 'product_data'),
        description: null,
        active: true,
        metadata: mergeMetadata({}, productData),
      };
      stripe().products.set(created.id, created);
      productId = created.id;
    }
    if (!stripe().products.has(required(productId, 'product'))) throw noSuch('product', productId!);
    const unitAmount = integer(form, 'unit_amount');
    const recurring = object(form, 'recurring');
    const price: StripePrice = {
      id: stripeId('price'),
      created: now(),
      product: productId!,
      currency: required(text(form, 'currency'), 'currency').toLowerCase(),
      unitAmountDecimal: required(
        unitAmount === undefined ? decimal(form, 'unit_amount_decimal') : String(unitAmount),
        'unit_amount',
      ),
      recurring: recurring
        ? {
            interval: required(
              choice(recurring, 'interval', ['day', 'week', 'month', 'year'], 'recurring'),
              'interval',
              'recurring',
            ),
            intervalCount: integer(recurring, 'interval_count', 'recurring') ?? 1,
          }
        : null,
      nickname: text(form, 'nickname') ?? null,
      lookupKey: text(form, 'lookup_key') ?? null,
      active: flag(form, 'active') ?? true,
      metadata: mergeMetadata({}, form),
    };
    stripe().prices.set(price.id, price);
    return renderPrice(price);
  });
}

import Stripe from 'stripe';
import { SIMULATOR_STRIPE_WEBHOOK_SECRET } from '../../config/simulator-credentials';
import { simControl } from '../sim-control';
import { startSimulator, type RunningSimulator } from '../start-simulator';
import { stripeClientFor } from './sdk-client';
import { stripeSimControl } from './stripe-control';
import { startWebhookReceiver, type ReceivedWebhook } from './webhook-receiver';

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let sim: RunningSimulator;
let stripe: Stripe;
let control: ReturnType<typeof stripeSimControl>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sim = await startSimulator({ port: 0, stripeWebhookUrl: receiver.url, stripeWebhookRetryDelaysMs: [30, 60] });
  stripe = stripeClientFor(sim.url);
  control = stripeSimControl(sim.url);
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});
beforeEach(async () => {
  await simControl(sim.url).reset();
  receiver.clear();
});

const settled = async () => {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const state = await control.state();
    if (state.deliveries.every((delivery) => delivery.status !== 'pending')) return state;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('deliveries still pending');
};

describe('Stripe simulator webhooks', () => {
  it('signs events as Stripe does, so the SDK’s constructEvent accepts them and refuses a tampered one', async () => {
    const customer = await stripe.customers.create({ email: 'hook@tenant.test', metadata: { tenant_id: 't-9' } });
    await settled();
    expect(receiver.received).toHaveLength(1);
    const [{ body, signature }] = receiver.received as [ReceivedWebhook];
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = stripe.webhooks.constructEvent(body, signature, SIMULATOR_STRIPE_WEBHOOK_SECRET, 300);
    expect(event).toMatchObject({
      type: 'customer.created',
      object: 'event',
      api_version: Stripe.API_VERSION,
      livemode: false,
      data: { object: { id: customer.id, object: 'customer', metadata: { tenant_id: 't-9' } } },
    });
    expect(event.id).toMatch(/^evt_/);
    expect(() =>
      stripe.webhooks.constructEvent(body.replace('t-9', 't-1'), signature, SIMULATOR_STRIPE_WEBHOOK_SECRET),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => stripe.webhooks.constructEvent(body, signature, 'whsec_other')).toThrow();
    expect(await stripe.events.retrieve(event.id)).toMatchObject({ id: event.id, type: 'customer.created' });
  });

  it('retries an event answered 500 with backoff until it is taken, and records each attempt', async () => {
    receiver.statuses.push(500, 503);
    await stripe.customers.create({ email: 'retry@tenant.test' });
    const state = await settled();
    expect(state.deliveries).toHaveLength(1);
    expect(state.deliveries[0]).toMatchObject({ type: 'customer.created', status: 'delivered' });
    expect(state.deliveries[0]!.attempts.map((attempt) => attempt.httpStatus)).toEqual([500, 503, 200]);
    const ids = receiver.received.map(({ body }) => (JSON.parse(body) as { id: string }).id);
    expect(new Set(ids).size).toBe(1);
    expect(state.events).toMatchObject([{ type: 'customer.created', pending_webhooks: 0 }]);
  });

  it('gives up after the configured retries and marks the delivery failed', async () => {
    receiver.statuses.push(500, 500, 500, 500);
    await stripe.customers.create({ email: 'down@tenant.test' });
    const state = await settled();
    expect(state.deliveries[0]).toMatchObject({ status: 'failed' });
    expect(state.deliveries[0]!.attempts).toHaveLength(3);
  });

  it('resends an event on request, with the same id, so the platform’s dedupe can be tested', async () => {
    await stripe.customers.create({ email: 'again@tenant.test' });
    const [event] = (await settled()).events;
    const deliveries = await control.resend(event!.id);
    expect(deliveries).toMatchObject([{ eventId: event!.id, status: 'delivered', attempts: [{ httpStatus: 200 }] }]);
    const ids = receiver.received.map(({ body }) => (JSON.parse(body) as { id: string }).id);
    expect(ids).toEqual([event!.id, event!.id]);
  });

  it('delivers to endpoints created through the API with their own secret and event filter', async () => {
    await control.removeWebhookEndpoint();
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ['invoice.created'] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const customer = await stripe.customers.create({ email: 'api@tenant.test' });
    await stripe.invoices.create({ customer: customer.id });
    await settled();
    expect(receiver.received).toHaveLength(1);
    const [{ body, signature }] = receiver.received as [ReceivedWebhook];
    expect(stripe.webhooks.constructEvent(body, signature, endpoint.secret!).type).toBe('invoice.created');
  });

  it('restores the endpoint it was started with on reset, and moves to another one on request', async () => {
    await control.webhookEndpoint(`${receiver.url}?moved=1`, 'whsec_moved');
    expect((await control.state()).webhookEndpoints).toMatchObject([{ url: `${receiver.url}?moved=1` }]);
    await stripe.customers.create({ email: 'moved@tenant.test' });
    await settled();
    const [{ body, signature }] = receiver.received as [ReceivedWebhook];
    expect(stripe.webhooks.constructEvent(body, signature, 'whsec_moved').type).toBe('customer.created');
    await simControl(sim.url).reset();
    expect((await control.state()).webhookEndpoints).toMatchObject([
      { url: receiver.url, configured_in_simulator: true },
    ]);
  });
});

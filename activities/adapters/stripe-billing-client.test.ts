import Stripe from 'stripe';
import { SIMULATOR_STRIPE_WEBHOOK_SECRET } from '../../config/simulator-credentials';
import { InvalidWebhookError } from './billing-provider';
import { ProviderError } from './provider-error';
import { createStripeBillingProvider } from './stripe-billing';
import { createStripeClient, toProviderError } from './stripe-billing-client';

const LIVE = { secretKey: 'sk_live_configured', webhookSecret: 'whsec_configured', simulatorUrl: 'http://sim.invalid' };

function signedEvent(secret: string) {
  const payload = JSON.stringify({
    id: 'evt_1',
    object: 'event',
    type: 'customer.created',
    created: 1_767_225_600,
    data: { object: { id: 'cus_1', object: 'customer' } },
  });
  return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

describe('createStripeClient', () => {
  it('talks to api.stripe.com with the configured key and verifies webhooks with the configured secret', () => {
    const { stripe, webhookSecret } = createStripeClient(LIVE);
    expect(webhookSecret).toBe('whsec_configured');
    expect(stripe.getApiField('host')).toBe('api.stripe.com');
    expect(stripe.getApiField('protocol')).toBe('https');

    const billing = createStripeBillingProvider(LIVE);
    const ours = signedEvent('whsec_configured');
    expect(billing.verifyWebhook(ours.payload, ours.header)).toMatchObject({ id: 'evt_1', objectId: 'cus_1' });
    // The simulator's secret is public: a live platform must not accept events signed with it.
    const simulators = signedEvent(SIMULATOR_STRIPE_WEBHOOK_SECRET);
    expect(() => billing.verifyWebhook(simulators.payload, simulators.header)).toThrow(InvalidWebhookError);
  });

  it('uses the simulator’s public secret without credentials, on the URL’s host, port and protocol', () => {
    const { stripe, webhookSecret } = createStripeClient({ simulatorUrl: 'http://127.0.0.1:4010/' });
    expect(webhookSecret).toBe(SIMULATOR_STRIPE_WEBHOOK_SECRET);
    expect([stripe.getApiField('protocol'), stripe.getApiField('host'), stripe.getApiField('port')]).toEqual([
      'http',
      '127.0.0.1',
      '4010',
    ]);
  });

  it.each([
    ['https://stripe-sim.example', 'https', '443'],
    ['http://stripe-sim.example', 'http', '80'],
  ])('takes the default port of a simulator URL without one (%s)', (simulatorUrl, protocol, port) => {
    const { stripe } = createStripeClient({ simulatorUrl });
    expect([stripe.getApiField('protocol'), stripe.getApiField('host'), stripe.getApiField('port')]).toEqual([
      protocol,
      'stripe-sim.example',
      port,
    ]);
  });

  it('refuses a webhook secret without a secret key', () => {
    expect(() => createStripeClient({ webhookSecret: 'whsec_x', simulatorUrl: 'http://sim.invalid' })).toThrow(
      /both a secret key and a webhook secret/,
    );
  });
});

describe('toProviderError', () => {
  it('names the HTTP status when Stripe answered an error without a message', () => {
    const error = toProviderError(new Stripe.errors.StripeAPIError({ message: '', statusCode: 502 }));
    expect(error).toMatchObject({ provider: 'stripe', message: 'stripe: HTTP 502', status: 502, retryable: true });
  });

  it('says the request failed when a connection error carries no message', () => {
    const error = toProviderError(new Stripe.errors.StripeConnectionError({ message: '' }));
    expect(error).toMatchObject({ message: 'stripe: request failed', status: null, code: null, retryable: true });
  });

  it('marks a connection error that timed out with the code timeout', () => {
    const error = toProviderError(
      new Stripe.errors.StripeConnectionError({ message: 'Request aborted due to timeout being reached (500ms)' }),
    );
    expect(error).toMatchObject({ status: null, code: 'timeout', retryable: true });
  });

  it('falls back to the error type when Stripe gives no code', () => {
    const error = toProviderError(
      new Stripe.errors.StripePermissionError({ message: 'No access', statusCode: 403, type: 'invalid_request_error' }),
    );
    expect(error).toMatchObject({ status: 403, code: 'invalid_request_error', retryable: false });
  });

  it('wraps an error that is not Stripe’s, keeping it as the cause', () => {
    const cause = new TypeError('fetch failed');
    const error = toProviderError(cause);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ message: 'stripe: fetch failed', status: null, code: null, retryable: true, cause });
    expect(toProviderError('a thrown string')).toMatchObject({ message: 'stripe: request failed', status: null });
  });
});

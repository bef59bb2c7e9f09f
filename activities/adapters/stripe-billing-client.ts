import Stripe from 'stripe';
import { SIMULATOR_STRIPE_SECRET_KEY, SIMULATOR_STRIPE_WEBHOOK_SECRET } from '../../config/simulator-credentials';
import { ProviderError } from './provider-error';

export interface StripeBillingConfig {
  secretKey?: string;
  webhookSecret?: string;
  /** Used when no key is given: the SDK talks to this origin (its `/v1` routes) with the public test key. */
  simulatorUrl: string;
  timeoutMs?: number;
}

/**
 * The official SDK against api.stripe.com with credentials, against the simulator (`sim/stripe`) without: only
 * host, port and protocol differ. One attempt per call: Temporal retries activities, with the same keys.
 */
export function createStripeClient(config: StripeBillingConfig): { stripe: Stripe; webhookSecret: string } {
  if (!config.secretKey !== !config.webhookSecret) {
    throw new Error('Stripe needs both a secret key and a webhook secret, or neither for the simulator');
  }
  const options = { timeout: config.timeoutMs ?? 30_000, maxNetworkRetries: 0 };
  if (config.secretKey && config.webhookSecret) {
    return { stripe: new Stripe(config.secretKey, options), webhookSecret: config.webhookSecret };
  }
  const url = new URL(config.simulatorUrl);
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  const port = url.port || (protocol === 'https' ? '443' : '80');
  return {
    stripe: new Stripe(SIMULATOR_STRIPE_SECRET_KEY, { ...options, host: url.hostname, port, protocol }),
    webhookSecret: SIMULATOR_STRIPE_WEBHOOK_SECRET,
  };
}

/**
 * Stripe errors carry the HTTP status and Stripe's code (`resource_missing`, `card_declined`) or, without one,
 * their type (`idempotency_error`); connection errors have no status and are retryable.
 */
export function toProviderError(error: unknown): ProviderError {
  if (error instanceof Stripe.errors.StripeError) {
    const status = error.statusCode ?? null;
    const timedOut = status === null && /timeout/i.test(error.message);
    return new ProviderError({
      provider: 'stripe',
      message: error.message || (status === null ? 'request failed' : `HTTP ${status}`),
      status,
      code: timedOut ? 'timeout' : (error.code ?? error.rawType ?? null),
      cause: error,
    });
  }
  return new ProviderError({
    provider: 'stripe',
    message: error instanceof Error ? error.message : 'request failed',
    status: null,
    code: null,
    cause: error,
  });
}

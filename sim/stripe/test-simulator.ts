import type Stripe from 'stripe';
import type { SimulatorOptions } from '../app';
import { simControl } from '../sim-control';
import { useSimulator } from '../use-simulator';
import { stripeClientFor } from './sdk-client';
import { stripeSimControl } from './stripe-control';

/**
 * For the Stripe simulator's own test files: registers the suite's hooks (one simulator per file, reset before
 * each test) and gives its URL, an SDK client pointed at it and both control clients, once it has started.
 */
export function useStripeSimulator(
  options: SimulatorOptions = {},
  client: { apiKey?: string; timeoutMs?: number } = {},
) {
  const started = useSimulator(options, 'the Stripe simulator');
  let stripe: Stripe | undefined;
  return {
    get url() {
      return started().url;
    },
    get stripe() {
      stripe ??= stripeClientFor(started().url, client.apiKey, client.timeoutMs);
      return stripe;
    },
    /** `/_sim`: faults, state, reset. */
    get control() {
      return simControl(started().url);
    },
    /** `/_sim/stripe`: payment outcomes, webhook endpoint, resend, payment attempts. */
    get stripeControl() {
      return stripeSimControl(started().url);
    },
  };
}

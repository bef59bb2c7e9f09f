import type Stripe from 'stripe';
import type { SimulatorOptions } from '../app';
import { simControl } from '../sim-control';
import { startSimulator, type RunningSimulator } from '../start-simulator';
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
  let running: { sim: RunningSimulator; stripe: Stripe } | undefined;
  const started = () => {
    if (!running) throw new Error('the Stripe simulator starts in beforeAll; use it inside tests and hooks');
    return running;
  };
  beforeAll(async () => {
    const sim = await startSimulator({ port: 0, ...options });
    running = { sim, stripe: stripeClientFor(sim.url, client.apiKey, client.timeoutMs) };
  });
  afterAll(() => running?.sim.stop());
  beforeEach(() => simControl(started().sim.url).reset());
  return {
    get url() {
      return started().sim.url;
    },
    get stripe() {
      return started().stripe;
    },
    /** `/_sim`: faults, state, reset. */
    get control() {
      return simControl(started().sim.url);
    },
    /** `/_sim/stripe`: payment outcomes, webhook endpoint, resend, payment attempts. */
    get stripeControl() {
      return stripeSimControl(started().sim.url);
    },
  };
}

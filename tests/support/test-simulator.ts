import { randomInt } from 'node:crypto';
import type { SimulatorOptions } from '../../sim/app';
import { startSimulator } from '../../sim/start-simulator';

/**
 * A simulator of the suite's own, with a random six-digit exchange: suites share one database, where a phone
 * number may belong to one bot only, just as real numbers are unique. Stripe charges and webhook retries come
 * quickly, so billing tests take milliseconds where the dev simulator takes seconds.
 */
export const startTestSimulator = (appSetupDelayMs = 50, options: SimulatorOptions = {}) =>
  startSimulator({
    port: 0,
    appSetupDelayMs,
    numberExchange: String(randomInt(100_000, 1_000_000)),
    stripePaymentDelayMs: 50,
    stripeWebhookRetryDelaysMs: [50, 150, 400],
    ...options,
  });

import Stripe from 'stripe';

/** The official SDK pointed at a running simulator, as the adapter points it; for the simulator's own tests. */
export function stripeClientFor(simulatorUrl: string, apiKey = 'sk_test_simulator_tests', timeout = 30_000): Stripe {
  const url = new URL(simulatorUrl);
  return new Stripe(apiKey, { host: url.hostname, port: url.port, protocol: 'http', maxNetworkRetries: 0, timeout });
}

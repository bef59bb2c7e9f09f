/**
 * The credentials the provider simulator accepts and signs with. They are public (in this repository), which is
 * why live mode refuses them: a platform verifying webhooks with them would accept anyone's.
 */
export const SIMULATOR_ACCOUNT_SID = `AC${'0'.repeat(32)}`;
export const SIMULATOR_AUTH_TOKEN = 'simulator';

/** The test-mode key the Stripe adapter sends to the simulator (any `sk_test_` key passes; stripe-mock wants no `_` after it). */
export const SIMULATOR_STRIPE_SECRET_KEY = 'sk_test_simulatorVoicePlanePublicKey';
/** The secret the simulator signs Stripe events with when no other is configured for the endpoint. */
export const SIMULATOR_STRIPE_WEBHOOK_SECRET = 'whsec_simulator_voiceplane_public_secret';

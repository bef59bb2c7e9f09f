import { seededElevenLabsState } from './elevenlabs/seed';
import type { ElevenLabsState } from './elevenlabs/state';
import { createHerokuState, type HerokuState } from './heroku/state';
import { createStripeState, type StripeState } from './stripe/state';
import { createTwilioState, type TwilioState } from './twilio/state';

/** Everything the simulator remembers; one slice per provider so later providers add a key, not a rewrite. */
export interface SimState {
  heroku: HerokuState;
  twilio: TwilioState;
  stripe: StripeState;
  elevenlabs: ElevenLabsState;
  /** Requests seen per operation (faulted ones included), so tests can count retries. */
  requestCounts: Record<string, number>;
}

export function createSimState(
  options: { numberExchange?: string; stripeWebhook?: { url: string; secret: string } | null } = {},
): SimState {
  return {
    heroku: createHerokuState(),
    twilio: createTwilioState(options.numberExchange),
    stripe: createStripeState(options.stripeWebhook ?? null),
    elevenlabs: seededElevenLabsState(),
    requestCounts: {},
  };
}

/**
 * Empties the state in place: callers holding the object (tests, `startSimulator`) see the reset. What the
 * simulator was started with (number exchange, Stripe webhook endpoint) stays.
 */
export function resetSimState(state: SimState): void {
  Object.assign(
    state,
    createSimState({ numberExchange: state.twilio.exchange, stripeWebhook: state.stripe.startupEndpoint }),
  );
}

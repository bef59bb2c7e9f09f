import { createHerokuState, type HerokuState } from './heroku/state';
import { createTwilioState, type TwilioState } from './twilio/state';

/** Everything the simulator remembers; one slice per provider so later providers add a key, not a rewrite. */
export interface SimState {
  heroku: HerokuState;
  twilio: TwilioState;
  /** Requests seen per operation (faulted ones included), so tests can count retries. */
  requestCounts: Record<string, number>;
}

export function createSimState(numberExchange?: string): SimState {
  return { heroku: createHerokuState(), twilio: createTwilioState(numberExchange), requestCounts: {} };
}

/** Empties the state in place: callers holding the object (tests, `startSimulator`) see the reset. */
export function resetSimState(state: SimState): void {
  Object.assign(state, createSimState(state.twilio.exchange));
}

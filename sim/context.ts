import type { FastifyRequest } from 'fastify';
import type { Faults } from './faults';
import type { SimState } from './state';
import type { StripeRuntime } from './stripe/runtime';
import type { CallGenerator } from './twilio/call-generator';

/** What every simulator route plugin receives. */
export interface SimContext {
  state: SimState;
  faults: Faults;
  appSetupDelayMs: number;
  calls: CallGenerator;
  /** Stripe's own-time work: event delivery and delayed charges. */
  stripe: StripeRuntime;
}

/** The simulator's own origin as the client reached it, for URLs it hands out (web_url, health). */
export function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

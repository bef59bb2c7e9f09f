import Fastify, { type FastifyServerOptions } from 'fastify';
import { SIMULATOR_STRIPE_WEBHOOK_SECRET } from '../config/simulator-credentials';
import { bodyParsers } from './body-parsers';
import type { SimContext } from './context';
import { controlRoutes } from './control-routes';
import { loseReplies } from './fault-gate';
import { elevenLabsControlRoutes } from './elevenlabs/control-routes';
import { elevenLabsRoutes } from './elevenlabs/elevenlabs-routes';
import { createFaults } from './faults';
import { herokuRoutes } from './heroku/heroku-routes';
import { simAppRoutes } from './heroku/sim-app-routes';
import type { VoiceBotAdapters } from './heroku/voice-bot-host';
import { createSimState } from './state';
import { StripeApiError, stripeError } from './stripe/errors';
import { createStripeRuntime } from './stripe/runtime';
import { stripePages } from './stripe/stripe-pages';
import { stripeRoutes } from './stripe/stripe-routes';
import { twilioError } from './twilio/errors';
import { twilioRoutes } from './twilio/twilio-routes';
import { createCallGenerator } from './twilio/call-generator';

export interface SimulatorOptions {
  /** How long an app setup stays `pending` before its build succeeds. */
  appSetupDelayMs?: number;
  /**
   * Digits between area code and line number (default 555). Simulators sharing one database (parallel test
   * suites) each take their own, as numbers are unique platform-wide.
   */
  numberExchange?: string;
  /** Where Stripe events go (the platform's `POST /api/billing/stripe/webhook`); none when unset. */
  stripeWebhookUrl?: string;
  /** The secret those events are signed with (default: the public `SIMULATOR_STRIPE_WEBHOOK_SECRET`). */
  stripeWebhookSecret?: string;
  /** How long after finalizing an auto-advancing invoice Stripe charges it (default 1000). */
  stripePaymentDelayMs?: number;
  /** Waits before each webhook retry (default 1 s, 5 s, 25 s): its length is the number of retries. */
  stripeWebhookRetryDelaysMs?: number[];
  logger?: FastifyServerOptions['logger'];
  /** Wraps the adapters of the voice-bot runtimes the simulated apps run (tests observe the model's input). */
  voiceBotAdapters?: VoiceBotAdapters;
}

/** The provider simulator as a Fastify instance; `startSimulator` listens, tests may also `inject`. */
export function buildSimulator(options: SimulatorOptions = {}) {
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true });
  const stripeWebhook = options.stripeWebhookUrl
    ? { url: options.stripeWebhookUrl, secret: options.stripeWebhookSecret ?? SIMULATOR_STRIPE_WEBHOOK_SECRET }
    : null;
  const sim: SimContext = {
    state: createSimState({ numberExchange: options.numberExchange, stripeWebhook }),
    calls: createCallGenerator(() => sim.state.twilio),
    faults: createFaults(),
    appSetupDelayMs: options.appSetupDelayMs ?? 300,
    stripe: createStripeRuntime(() => sim.state.stripe, {
      paymentDelayMs: options.stripePaymentDelayMs ?? 1_000,
      webhookRetryDelaysMs: options.stripeWebhookRetryDelaysMs ?? [1_000, 5_000, 25_000],
    }),
  };

  bodyParsers(app);
  // Held replies would otherwise keep `close()` waiting for requests that are never meant to be answered.
  app.addHook('preClose', async () => {
    sim.faults.clear();
    sim.stripe.clear();
  });
  app.addHook('onSend', loseReplies(sim.faults));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/v1/')) {
      const message = `Unrecognized request URL (${request.method}: ${path}). Please see https://stripe.com/docs.`;
      return stripeError(reply, new StripeApiError(404, 'invalid_request_error', message));
    }
    return path.startsWith('/twilio/')
      ? twilioError(reply, 404, 20404, `The requested resource ${path.slice('/twilio'.length)} was not found`)
      : reply.code(404).send({ id: 'not_found', message: `No simulated route ${request.method} ${path}` });
  });

  app.register(herokuRoutes, { sim, prefix: '/heroku' });
  app.register(twilioRoutes, { sim, prefix: '/twilio' });
  // The Stripe SDK's base path is fixed at `/v1`, so its routes sit at the root.
  app.register(stripeRoutes, { sim });
  app.register(stripePages, { sim, prefix: '/stripe' });
  app.register(elevenLabsRoutes, { sim, prefix: '/elevenlabs' });
  app.register(simAppRoutes, { sim, voiceBotAdapters: options.voiceBotAdapters });
  app.register(controlRoutes, { sim, prefix: '/_sim' });
  app.register(elevenLabsControlRoutes, { sim, prefix: '/_sim/elevenlabs' });
  return { app, state: sim.state };
}

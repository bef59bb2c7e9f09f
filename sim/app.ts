import Fastify, { type FastifyServerOptions } from 'fastify';
import { bodyParsers } from './body-parsers';
import type { SimContext } from './context';
import { controlRoutes } from './control-routes';
import { loseReplies } from './fault-gate';
import { createFaults } from './faults';
import { herokuRoutes } from './heroku/heroku-routes';
import { simAppRoutes } from './heroku/sim-app-routes';
import { createSimState } from './state';
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
  logger?: FastifyServerOptions['logger'];
}

/** The provider simulator as a Fastify instance; `startSimulator` listens, tests may also `inject`. */
export function buildSimulator(options: SimulatorOptions = {}) {
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true });
  const sim: SimContext = {
    state: createSimState(options.numberExchange),
    calls: createCallGenerator(() => sim.state.twilio),
    faults: createFaults(),
    appSetupDelayMs: options.appSetupDelayMs ?? 300,
  };

  bodyParsers(app);
  // Held replies would otherwise keep `close()` waiting for requests that are never meant to be answered.
  app.addHook('preClose', async () => sim.faults.clear());
  app.addHook('onSend', loseReplies(sim.faults));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    return path.startsWith('/twilio/')
      ? twilioError(reply, 404, 20404, `The requested resource ${path.slice('/twilio'.length)} was not found`)
      : reply.code(404).send({ id: 'not_found', message: `No simulated route ${request.method} ${path}` });
  });

  app.register(herokuRoutes, { sim, prefix: '/heroku' });
  app.register(twilioRoutes, { sim, prefix: '/twilio' });
  app.register(simAppRoutes, { sim });
  app.register(controlRoutes, { sim, prefix: '/_sim' });
  return { app, state: sim.state };
}

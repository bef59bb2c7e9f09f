import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { behaviourFault, faultGate } from '../fault-gate';
import { herokuError, herokuFaultReply } from './errors';
import { renderSetup } from './render';
import { settleSetup } from './state';

interface CreateSetupBody {
  app?: { name?: unknown; region?: unknown; organization?: unknown };
  source_blob?: { url?: unknown };
  overrides?: { env?: Record<string, unknown> };
}

const APP_NAME = /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/;

/** `POST /app-setups` creates the app at once (its name is taken from then on) and builds it in the background. */
export async function appSetupRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const gate = faultGate(sim, herokuFaultReply);
  const heroku = () => sim.state.heroku;

  app.post<{ Body: CreateSetupBody | undefined }>(
    '/app-setups',
    { preHandler: gate('heroku.createAppSetup') },
    async (request, reply) => {
      const body = request.body ?? {};
      const name = body.app?.name;
      const sourceUrl = body.source_blob?.url;
      if (typeof sourceUrl !== 'string' || !sourceUrl) {
        return herokuError(reply, 422, 'invalid_params', 'source_blob.url is required');
      }
      if (typeof name !== 'string' || !APP_NAME.test(name)) {
        return herokuError(
          reply,
          422,
          'invalid_params',
          'Name must start with a letter, end with a letter or digit and can only contain lowercase letters, digits, and dashes.',
        );
      }
      if (heroku().apps.has(name)) return herokuError(reply, 422, 'invalid_params', `Name ${name} is already taken`);

      const now = new Date().toISOString();
      const configVars = Object.fromEntries(
        Object.entries(body.overrides?.env ?? {}).map(([key, value]) => [key, String(value)]),
      );
      const setupId = randomUUID();
      const appId = randomUUID();
      heroku().apps.set(name, {
        id: appId,
        name,
        region: typeof body.app?.region === 'string' ? body.app.region : 'us',
        team: typeof body.app?.organization === 'string' ? body.app.organization : null,
        setupId,
        configVars,
        formation: new Map(),
        createdAt: now,
        updatedAt: now,
      });
      const setup = {
        id: setupId,
        appId,
        appName: name,
        sourceUrl,
        status: 'pending' as const,
        failureMessage: null,
        readyAt: Date.now() + sim.appSetupDelayMs,
        createdAt: now,
        updatedAt: now,
      };
      heroku().setups.set(setupId, setup);
      return reply.code(201).send(renderSetup(setup));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/app-setups/:id',
    { preHandler: gate('heroku.getAppSetup') },
    async (request, reply) => {
      const setup = heroku().setups.get(request.params.id);
      if (!setup) return herokuError(reply, 404, 'not_found', "Couldn't find that app setup.");
      const forced = behaviourFault(request);
      if (forced?.mode === 'setup-failed') {
        setup.status = 'failed';
        setup.failureMessage = forced.message ?? 'Build failed: simulated failure';
        setup.updatedAt = new Date().toISOString();
      }
      return renderSetup(settleSetup(heroku(), setup));
    },
  );
}

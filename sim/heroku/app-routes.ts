import type { FastifyInstance, FastifyReply } from 'fastify';
import { baseUrlOf, type SimContext } from '../context';
import { faultGate } from '../fault-gate';
import { appNotFound, herokuError, herokuFaultReply } from './errors';
import { renderApp, renderFormation } from './render';
import { voiceBotHosts } from './sim-app-routes';
import { findHerokuApp, type HerokuApp } from './state';

type AppParams = { Params: { app: string } };
interface FormationUpdate {
  type?: unknown;
  quantity?: unknown;
  size?: unknown;
}

/** Apps, their config vars and their formation: the part of the Platform API a deployed bot needs. */
export async function appRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const gate = faultGate(sim, herokuFaultReply);
  const heroku = () => sim.state.heroku;

  app.get<AppParams>('/apps/:app', { preHandler: gate('heroku.getApp') }, async (request, reply) => {
    const found = findHerokuApp(heroku(), request.params.app);
    return found ? renderApp(found, baseUrlOf(request)) : appNotFound(reply);
  });

  app.delete<AppParams>('/apps/:app', { preHandler: gate('heroku.deleteApp') }, async (request, reply) => {
    const found = findHerokuApp(heroku(), request.params.app);
    if (!found) return appNotFound(reply);
    heroku().apps.delete(found.name);
    await voiceBotHosts.get(sim)?.stop(found.name);
    return renderApp(found, baseUrlOf(request));
  });

  app.get<AppParams>('/apps/:app/config-vars', { preHandler: gate('heroku.getConfigVars') }, async (request, reply) => {
    const found = findHerokuApp(heroku(), request.params.app);
    return found ? found.configVars : appNotFound(reply);
  });

  app.patch<AppParams & { Body: Record<string, unknown> | undefined }>(
    '/apps/:app/config-vars',
    { preHandler: gate('heroku.updateConfigVars') },
    async (request, reply) => {
      const found = findHerokuApp(heroku(), request.params.app);
      if (!found) return appNotFound(reply);
      // Heroku's semantics: listed keys are set, keys set to null are removed, the rest stay.
      for (const [key, value] of Object.entries(request.body ?? {})) {
        if (value === null) delete found.configVars[key];
        else found.configVars[key] = String(value);
      }
      found.updatedAt = new Date().toISOString();
      return found.configVars;
    },
  );

  app.get<AppParams>('/apps/:app/formation', { preHandler: gate('heroku.getFormation') }, async (request, reply) => {
    const found = findHerokuApp(heroku(), request.params.app);
    return found ? [...found.formation.values()].map((f) => renderFormation(found, f)) : appNotFound(reply);
  });

  app.patch<AppParams & { Body: { updates?: FormationUpdate[] } | undefined }>(
    '/apps/:app/formation',
    { preHandler: gate('heroku.scaleFormation') },
    async (request, reply) => {
      const found = findHerokuApp(heroku(), request.params.app);
      if (!found) return appNotFound(reply);
      const updates = request.body?.updates;
      if (!Array.isArray(updates)) return herokuError(reply, 422, 'invalid_params', 'updates is required');
      return scale(reply, found, updates);
    },
  );

  app.patch<AppParams & { Params: { type: string }; Body: FormationUpdate | undefined }>(
    '/apps/:app/formation/:type',
    { preHandler: gate('heroku.scaleFormation') },
    async (request, reply) => {
      const found = findHerokuApp(heroku(), request.params.app);
      if (!found) return appNotFound(reply);
      const result = scale(reply, found, [{ ...request.body, type: request.params.type }]);
      return Array.isArray(result) ? result[0] : result;
    },
  );
}

/** Validates every update before applying any, as the batch endpoint is all-or-nothing. */
function scale(reply: FastifyReply, app: HerokuApp, updates: FormationUpdate[]) {
  for (const update of updates) {
    if (typeof update.type !== 'string' || !app.formation.has(update.type)) {
      return herokuError(reply, 404, 'not_found', "Couldn't find that formation.");
    }
    const { quantity, size } = update;
    if (quantity !== undefined && !(Number.isInteger(quantity) && (quantity as number) >= 0)) {
      return herokuError(reply, 422, 'invalid_params', 'quantity must be a non-negative integer');
    }
    if (size !== undefined && (typeof size !== 'string' || !size)) {
      return herokuError(reply, 422, 'invalid_params', 'size must be a dyno size such as Basic');
    }
  }
  const now = new Date().toISOString();
  return updates.map((update) => {
    const formation = app.formation.get(update.type as string)!;
    if (update.quantity !== undefined) formation.quantity = update.quantity as number;
    if (update.size !== undefined) formation.size = update.size as string;
    formation.updatedAt = now;
    return renderFormation(app, formation);
  });
}

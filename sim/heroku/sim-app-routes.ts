import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { faultGate } from '../fault-gate';
import { findHerokuApp, type HerokuApp } from './state';
import { createVoiceBotHost, type VoiceBotAdapters, type VoiceBotHost } from './voice-bot-host';

/** The runtime host of each simulator, so deleting an app (app-routes.ts) stops its runtime. */
export const voiceBotHosts = new WeakMap<SimContext, VoiceBotHost>();

const APP_PATH = /^\/sim-apps\/([a-z][a-z0-9-]{1,28}[a-z0-9])(\/[^?]*)(\?.*)?$/;

/**
 * Stands in for the deployed bot itself: until its build succeeded and a web dyno runs it answers 503, which is
 * exactly what provisioning has to wait for; from then on the real voice-bot runtime answers, its `/health` and
 * its media-stream WebSocket (`<web_url>media-stream`) alike.
 */
export async function simAppRoutes(
  app: FastifyInstance,
  { sim, voiceBotAdapters }: { sim: SimContext; voiceBotAdapters?: VoiceBotAdapters },
) {
  const host = createVoiceBotHost({ adapters: voiceBotAdapters });
  voiceBotHosts.set(sim, host);
  app.addHook('onClose', async () => host.stopAll());
  const gate = faultGate(sim, (reply, fault) =>
    reply.code(fault.status).send({ status: 'failing', message: fault.message ?? 'Simulated health failure' }),
  );

  /** Why the app cannot answer yet, or null when its runtime may run. */
  const notRunning = (found: HerokuApp | null) => {
    if (!found) return { status: 404, body: { status: 'missing', message: 'No such application' } };
    const setup = sim.state.heroku.setups.get(found.setupId);
    if (setup?.status !== 'succeeded') {
      return { status: 503, body: { status: 'starting', message: `Build ${setup?.status ?? 'missing'}` } };
    }
    if ((found.formation.get('web')?.quantity ?? 0) < 1) {
      return { status: 503, body: { status: 'stopped', message: 'No web dynos running' } };
    }
    return null;
  };
  const runtimeOf = (found: HerokuApp) => host.ensure(found, (name) => sim.state.heroku.apps.get(name));

  app.get<{ Params: { app: string } }>(
    '/sim-apps/:app/health',
    { preHandler: gate('app.health') },
    async (request, reply) => {
      const found = findHerokuApp(sim.state.heroku, request.params.app);
      const refused = notRunning(found);
      if (refused) return reply.code(refused.status).send(refused.body);
      const bot = await runtimeOf(found!);
      const response = await fetch(`${bot.url}/health`);
      return reply
        .code(response.status)
        .type('application/json')
        .send(await response.text());
    },
  );

  app.server.on('upgrade', (request, socket, head: Buffer) => {
    const match = APP_PATH.exec(request.url ?? '');
    const found = match ? findHerokuApp(sim.state.heroku, match[1]!) : null;
    const refused = notRunning(found);
    if (refused) {
      socket.end(`HTTP/1.1 ${refused.status} ${refused.body.status}\r\nConnection: close\r\n\r\n`);
      return;
    }
    runtimeOf(found!).then(
      (bot) => host.tunnel(bot, request, socket, head, `${match![2]}${match![3] ?? ''}`),
      () => socket.destroy(),
    );
  });
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { baseUrlOf, type SimContext } from './context';
import { elevenLabsStateView } from './elevenlabs/state-view';
import { BEHAVIOUR_MODES, FAULT_MODES, FAULT_OPERATIONS } from './faults';
import { renderApp, renderFormation, renderSetup } from './heroku/render';
import { settleSetup } from './heroku/state';
import { stripeControlRoutes } from './stripe/control-routes';
import { stripeStateView } from './stripe/state-view';
import { renderCall, renderNumber } from './twilio/render';
import { resetSimState } from './state';

const FaultBody = z
  .object({
    operation: z.enum(FAULT_OPERATIONS),
    mode: z.enum(FAULT_MODES),
    times: z.number().int().min(0).optional(),
    status: z.number().int().min(400).max(599).optional(),
    message: z.string().optional(),
    code: z.union([z.string(), z.number()]).optional(),
    delayMs: z.number().int().min(0).optional(),
    match: z.string().min(1).optional(),
  })
  .refine((fault) => BEHAVIOUR_MODES[fault.mode]?.includes(fault.operation) ?? true, {
    message: 'this mode does not apply to this operation',
    path: ['mode'],
  });

const CallBody = z.object({
  to: z.string().min(1),
  from: z.string().default('+4369912345678'),
  durationSeconds: z
    .number()
    .int()
    .min(0)
    .max(4 * 3600)
    .default(42),
  finalStatus: z.enum(['completed', 'busy', 'no-answer', 'failed', 'canceled']).default('completed'),
  deliverTo: z.url().optional(),
  duplicates: z.boolean().default(false),
  reorder: z.boolean().default(false),
  drop: z.array(z.string()).default([]),
  hold: z.boolean().default(false),
});

/** `/_sim`: inspect the state, inject faults, reset between tests. Never part of a provider's API. */
export async function controlRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  app.get('/state', async (request) => {
    const { heroku, twilio, stripe, requestCounts } = sim.state;
    for (const setup of heroku.setups.values()) settleSetup(heroku, setup);
    return {
      heroku: {
        apps: [...heroku.apps.values()].map((app) => ({
          ...renderApp(app, baseUrlOf(request)),
          config_vars: app.configVars,
          formation: [...app.formation.values()].map((formation) => renderFormation(app, formation)),
        })),
        appSetups: [...heroku.setups.values()].map(renderSetup),
      },
      twilio: {
        numbers: [...twilio.numbers.values()].map(renderNumber),
        calls: [...twilio.calls.values()].map(renderCall),
      },
      stripe: stripeStateView(stripe),
      elevenlabs: elevenLabsStateView(sim.state.elevenlabs),
      requestCounts,
      faults: sim.faults.list(),
    };
  });

  app.post('/reset', async (_request, reply) => {
    sim.faults.clear();
    sim.stripe.clear();
    resetSimState(sim.state);
    return reply.code(204).send();
  });

  app.get('/faults', async () => sim.faults.list());

  // Call generator: a simulated inbound call sends signed voice and status webhooks to the number's URLs.
  app.post('/calls', async (request, reply) => {
    const parsed = CallBody.safeParse(request.body);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      return reply.code(400).send({ message: 'Invalid call', errors });
    }
    const placed = await sim.calls.place(parsed.data);
    return 'error' in placed ? reply.code(404).send({ message: placed.error }) : reply.code(201).send(placed);
  });

  app.post<{ Params: { sid: string } }>('/calls/:sid/hangup', async (request, reply) => {
    const deliveries = await sim.calls.hangUp(request.params.sid);
    return deliveries ? { deliveries } : reply.code(404).send({ message: 'No held call with that sid' });
  });

  app.post('/faults', async (request, reply) => {
    const parsed = FaultBody.safeParse(request.body);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      return reply.code(400).send({ message: 'Invalid fault', errors });
    }
    return reply.code(201).send(sim.faults.add(parsed.data));
  });

  app.delete('/faults', async (_request, reply) => {
    sim.faults.clear();
    return reply.code(204).send();
  });

  await app.register(stripeControlRoutes, { sim, prefix: '/stripe' });
}

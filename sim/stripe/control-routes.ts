import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SIMULATOR_STRIPE_WEBHOOK_SECRET } from '../../config/simulator-credentials';
import type { SimContext } from '../context';
import { chargeInvoice } from './payments';
import { renderInvoice } from './render-invoice';
import { setSimulatorEndpoint } from './state';

const OutcomeBody = z.object({ outcome: z.enum(['succeed', 'fail']) });
const EndpointBody = z.object({ url: z.url(), secret: z.string().min(1).default(SIMULATOR_STRIPE_WEBHOOK_SECRET) });
const AttemptBody = z.object({ outcome: z.enum(['succeed', 'fail']).optional() }).default({});

type Params = { Params: { id: string } };

/**
 * `/_sim/stripe`: what Stripe's test cards and test clocks do in a real test account. Payment outcome per
 * customer, the webhook endpoint, resending an event, and a payment attempt now (Stripe's automatic retry).
 */
export async function stripeControlRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const stripe = () => sim.state.stripe;
  const invalidBody = (error: z.ZodError) =>
    error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

  app.post<Params>('/customers/:id/payment-outcome', async (request, reply) => {
    const parsed = OutcomeBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ message: 'Invalid outcome', errors: invalidBody(parsed.error) });
    if (!stripe().customers.has(request.params.id)) return reply.code(404).send({ message: 'No such customer' });
    stripe().paymentOutcomes.set(request.params.id, parsed.data.outcome);
    return { customer: request.params.id, outcome: parsed.data.outcome };
  });

  app.put('/webhook-endpoint', async (request, reply) => {
    const parsed = EndpointBody.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({ message: 'Invalid endpoint', errors: invalidBody(parsed.error) });
    }
    setSimulatorEndpoint(stripe(), parsed.data);
    return { url: parsed.data.url };
  });

  app.delete('/webhook-endpoint', async (_request, reply) => {
    setSimulatorEndpoint(stripe(), null);
    return reply.code(204).send();
  });

  app.post<Params>('/events/:id/resend', async (request, reply) => {
    const deliveries = await sim.stripe.resend(request.params.id);
    return deliveries ? { deliveries } : reply.code(404).send({ message: 'No such event' });
  });

  app.post<Params>('/invoices/:id/attempt-payment', async (request, reply) => {
    const parsed = AttemptBody.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send({ message: 'Invalid attempt', errors: invalidBody(parsed.error) });
    const invoice = stripe().invoices.get(request.params.id);
    if (!invoice) return reply.code(404).send({ message: 'No such invoice' });
    if (invoice.status !== 'open') {
      return reply.code(409).send({ message: `The invoice is ${invoice.status}, not open` });
    }
    const result = chargeInvoice(sim, invoice, parsed.data.outcome);
    return { result, invoice: renderInvoice(stripe(), invoice) };
  });
}

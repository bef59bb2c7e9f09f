import type { FastifyRequest } from 'fastify';
import type { SimContext } from '../context';
import { faultGate } from '../fault-gate';
import type { FaultOperation } from '../faults';
import { noSuch, stripeFaultReply } from './errors';
import { parseStripeForm, type Form } from './form';
import { replayIdempotent } from './idempotency';
import type { StripeCustomer, StripeState } from './state';

/** What every Stripe route file uses: `on(operation)` (fault gate, then idempotent replay) and the state. */
export function routeKit(sim: SimContext) {
  const gate = faultGate(sim, stripeFaultReply);
  const stripe = () => sim.state.stripe;
  const replay = replayIdempotent(stripe);
  return {
    on: (operation: FaultOperation) => ({ preHandler: [gate(operation), replay] }),
    stripe,
  };
}

export const bodyOf = (request: FastifyRequest): Form => (request.body as Form | undefined) ?? {};

/** The query string, nested as the SDK writes it (`created[gte]=…`, `expand[0]=…`). */
export const queryOf = (request: FastifyRequest): Form => parseStripeForm(request.url.split('?')[1] ?? '');

export type IdParams = { Params: { id: string } };

/** The customer a create names, or Stripe's 404 when it does not exist or was deleted. */
export function liveCustomer(stripe: StripeState, id: string): StripeCustomer {
  const customer = stripe.customers.get(id);
  if (!customer || customer.deleted) throw noSuch('customer', id);
  return customer;
}

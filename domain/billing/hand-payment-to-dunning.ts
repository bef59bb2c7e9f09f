import type { Orm } from '../../db/orm';
import type { SystemActor } from '../auth/actor';
import type { StripeEventFacts } from './apply-stripe-event';
import { dunningWorkflowId, type DunningWorkflows } from './dunning-port';
import { readDunningStanding } from './read-dunning-standing';
import { resumeAfterPayment } from './resume-after-payment';

const actor: SystemActor = { system: 'dunning' };

/** What the relay needs for dunning: the workflows, and the portal's address for the notices' links. */
export interface DunningHandOff {
  workflows: DunningWorkflows;
  publicBaseUrl: string;
}

/**
 * The relay's part in dunning, after the Stripe event was applied (decision 011). A failed payment that left the
 * subscription past due starts the tenant's dunning, or tells the one running. A payment that took it out of
 * past due lifts any suspension at once, has the notice delivered and ends the dunning if one runs. Every part
 * is idempotent, so a redelivered event changes nothing. Returns the workflow reached, if any.
 */
export async function handPaymentToDunning(
  deps: { orm: Orm; dunning: DunningHandOff },
  { tenantId, event }: { tenantId: string; event: StripeEventFacts },
): Promise<string | null> {
  const { workflows, publicBaseUrl } = deps.dunning;
  const payment = { tenantId, stripeEventId: event.id };
  if (event.type === 'invoice.payment_failed') {
    const standing = await readDunningStanding(deps, { tenantId });
    return standing.kind === 'past_due' ? (await workflows.paymentFailed(payment)).workflowId : null;
  }
  if (event.type !== 'invoice.paid') return null;
  const resumed = await resumeAfterPayment({ orm: deps.orm, publicBaseUrl }, { actor, ...payment });
  if (resumed.outcome === 'still_past_due') return null;
  if (resumed.outboxIds.length > 0) await workflows.deliverMail({ tenantId, outboxIds: resumed.outboxIds });
  return (await workflows.paymentReceived(payment)) ? dunningWorkflowId(tenantId) : null;
}

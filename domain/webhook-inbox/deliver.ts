import type { Orm } from '../../db/orm';
import { applyStripeEvent } from '../billing/apply-stripe-event';
import type { CallWorkflows } from '../telephony/call-port';
import { callWorkflowId } from '../telephony/call-status';
import type { InboxDelivery } from './inbox-event';

/**
 * Delivers one inbox payload: call events through the call port, Stripe events to billing. The workflow it
 * reached, or null when there was none (a Stripe event reaches none).
 */
export async function deliverInboxEvent(
  deps: { calls: CallWorkflows; orm: Orm },
  delivery: InboxDelivery,
  tenantId: string | null,
): Promise<string | null> {
  if (delivery.kind === 'stripe') {
    if (!tenantId) throw new Error(`Stripe event ${delivery.event.id} has no tenant`);
    await applyStripeEvent(deps, { tenantId, event: delivery.event });
    return null;
  }
  if (delivery.kind === 'signal') {
    await deps.calls.signalStatus(delivery.start, delivery.event);
    return callWorkflowId(delivery.start.callSid);
  }
  // A refused call is not metered; one accepted before its tenant was suspended still finishes its metering.
  const reached = await deps.calls.signalStatusIfMetered(delivery.callSid, delivery.event);
  return reached ? callWorkflowId(delivery.callSid) : null;
}

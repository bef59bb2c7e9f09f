import type { Orm } from '../../db/orm';
import { applyStripeEvent } from '../billing/apply-stripe-event';
import { handPaymentToDunning, type DunningHandOff } from '../billing/hand-payment-to-dunning';
import { conversationWorkflowId } from '../conversations/conversation-event';
import type { ConversationWorkflows } from '../conversations/conversation-port';
import type { CallWorkflows } from '../telephony/call-port';
import { callWorkflowId } from '../telephony/call-status';
import { isCallEvent } from './delivery-runs';
import type { InboxDelivery } from './inbox-event';

/**
 * Delivers one run of inbox payloads (`deliveryRuns`): a call's consecutive events through the call port in one
 * message, or else a single payload — Stripe events to billing and then to dunning, ElevenLabs events to their
 * conversation's workflow. The workflow it reached, or null when there was none. A relay without `dunning` or
 * `conversations` fails those deliveries (visibly, and retried) rather than skip them.
 */
export async function deliverInboxRun(
  deps: { calls: CallWorkflows; orm: Orm; dunning?: DunningHandOff; conversations?: ConversationWorkflows },
  run: InboxDelivery[],
  tenantId: string | null,
): Promise<string | null> {
  const delivery = run[0]!;
  if (run.some((next) => next.kind !== delivery.kind) || (run.length > 1 && !isCallEvent(delivery))) {
    throw new Error(`A delivery run holds more than one ${delivery.kind} payload or mixes kinds`);
  }
  if (delivery.kind === 'conversation') {
    const { conversationId } = delivery.start;
    if (!deps.conversations) throw new Error(`Conversation ${conversationId} reached a relay without conversations`);
    await deps.conversations.deliver(delivery.start, delivery.event);
    return conversationWorkflowId(conversationId);
  }
  if (delivery.kind === 'stripe') {
    if (!tenantId) throw new Error(`Stripe event ${delivery.event.id} has no tenant`);
    if (!deps.dunning) throw new Error(`Stripe event ${delivery.event.id} reached a relay without dunning`);
    await applyStripeEvent(deps, { tenantId, event: delivery.event });
    return handPaymentToDunning({ orm: deps.orm, dunning: deps.dunning }, { tenantId, event: delivery.event });
  }
  const events = run.filter(isCallEvent).map((next) => next.event);
  if (delivery.kind === 'signal') {
    await deps.calls.signalStatus(delivery.start, events);
    return callWorkflowId(delivery.start.callSid);
  }
  // A refused call is not metered; one accepted before its tenant was suspended still finishes its metering.
  const reached = await deps.calls.signalStatusIfMetered(delivery.callSid, events);
  return reached ? callWorkflowId(delivery.callSid) : null;
}

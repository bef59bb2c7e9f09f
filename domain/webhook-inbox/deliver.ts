import type { CallWorkflows } from '../telephony/call-port';
import { callWorkflowId } from '../telephony/call-status';
import type { InboxDelivery } from './inbox-event';

/** Delivers one inbox payload through the call port; the workflow it reached, or null when there was none. */
export async function deliverInboxEvent(calls: CallWorkflows, delivery: InboxDelivery): Promise<string | null> {
  if (delivery.kind === 'signal') {
    await calls.signalStatus(delivery.start, delivery.event);
    return callWorkflowId(delivery.start.callSid);
  }
  // A refused call is not metered; one accepted before its tenant was suspended still finishes its metering.
  const reached = await calls.signalStatusIfMetered(delivery.callSid, delivery.event);
  return reached ? callWorkflowId(delivery.callSid) : null;
}

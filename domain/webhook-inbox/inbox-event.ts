import type { StripeEventFacts } from '../billing/apply-stripe-event';
import type { ConversationEvent, ConversationStart } from '../conversations/conversation-event';
import type { CallStart, CallStatusEvent } from '../telephony/call-status';

/**
 * What the relay does with an inbox row, decided at the edge when the webhook was accepted: start-or-signal the
 * call's workflow, signal it only if the call is already metered (a refused call's status callbacks), apply a
 * Stripe event to the tenant's invoices and subscription, or start-or-signal an ElevenLabs conversation's workflow.
 */
export type InboxDelivery =
  | { kind: 'signal'; start: CallStart; event: CallStatusEvent }
  | { kind: 'signalIfMetered'; callSid: string; event: CallStatusEvent }
  | { kind: 'stripe'; event: StripeEventFacts }
  | { kind: 'conversation'; start: ConversationStart; event: ConversationEvent };

/** An accepted webhook, ready to be written to the inbox. */
export interface InboundEvent {
  provider: string;
  /** Unique per provider: a second event with the same key is a provider retry and is dropped. */
  dedupeKey: string;
  /** Events with the same subject (one call) are delivered in the order they were received. */
  subjectKey: string;
  tenantId: string;
  /** The raw parameters as received; only their digest is kept, the validated delivery is the payload. */
  raw: Record<string, string>;
  delivery: InboxDelivery;
}

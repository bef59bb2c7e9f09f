/** An inbound webhook in the inbox (decision 008): waiting for the relay, delivered to its workflow, or given up. */
export const WEBHOOK_EVENT_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number];

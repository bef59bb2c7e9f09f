import { startRecordingReceiver } from '../webhook-receiver';

export interface ReceivedWebhook {
  /** The raw body, byte for byte, as signature checks need it. */
  body: string;
  signature: string;
}

/**
 * A stand-in for the platform's Stripe webhook route, for tests: records each POST and answers the statuses
 * queued in `statuses` first, then 200.
 */
export const startWebhookReceiver = (path = '/api/billing/stripe/webhook') =>
  startRecordingReceiver(path, (body, request): ReceivedWebhook => ({
    body,
    signature: String(request.headers['stripe-signature']),
  }));

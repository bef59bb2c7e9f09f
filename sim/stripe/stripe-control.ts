import { simRequest } from '../sim-control';
import type { stripeStateView } from './state-view';
import type { WebhookDelivery } from './state';

export type StripeStateView = ReturnType<typeof stripeStateView>;

/** A client for `/_sim/stripe` and the Stripe part of `/_sim/state`, for tests and scripts. */
export function stripeSimControl(baseUrl: string) {
  const send = simRequest(baseUrl);
  return {
    state: async () => ((await send('GET', '/state')) as { stripe: StripeStateView }).stripe,
    /** Makes charges of this customer's card fail (or succeed again), like Stripe's declining test cards. */
    paymentOutcome: (customerId: string, outcome: 'succeed' | 'fail') =>
      send('POST', `/stripe/customers/${customerId}/payment-outcome`, { outcome }),
    webhookEndpoint: (url: string, secret?: string) => send('PUT', '/stripe/webhook-endpoint', { url, secret }),
    removeWebhookEndpoint: () => send('DELETE', '/stripe/webhook-endpoint') as Promise<void>,
    resend: async (eventId: string) =>
      ((await send('POST', `/stripe/events/${eventId}/resend`)) as { deliveries: WebhookDelivery[] }).deliveries,
    /** A charge attempt now, as Stripe's automatic retries would make one. */
    attemptPayment: (invoiceId: string, outcome?: 'succeed' | 'fail') =>
      send('POST', `/stripe/invoices/${invoiceId}/attempt-payment`, outcome ? { outcome } : {}) as Promise<{
        result: 'paid' | 'declined';
        invoice: { status: string; attempt_count: number };
      }>,
  };
}

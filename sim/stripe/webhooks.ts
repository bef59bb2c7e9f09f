import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import type { StripeEvent, StripeWebhookEndpoint } from './state';

/** The API version events are rendered in: the one the project's pinned SDK speaks. */
export const STRIPE_API_VERSION = Stripe.API_VERSION;

export function renderEvent(event: StripeEvent) {
  return {
    id: event.id,
    object: 'event' as const,
    api_version: STRIPE_API_VERSION,
    created: event.created,
    data: {
      object: event.object,
      ...(event.previousAttributes ? { previous_attributes: event.previousAttributes } : {}),
    },
    livemode: false,
    pending_webhooks: event.pendingWebhooks,
    request: { id: null, idempotency_key: event.idempotencyKey },
    type: event.type,
  };
}

/** Stripe's scheme: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>" keyed with the endpoint secret>`. */
export function signatureHeader(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

export const listensTo = (endpoint: StripeWebhookEndpoint, type: string) =>
  endpoint.enabledEvents.includes('*') || endpoint.enabledEvents.includes(type);

/** One POST of an event to an endpoint; the HTTP status, or 0 when nothing answered in time. */
export async function postEvent(
  endpoint: StripeWebhookEndpoint,
  payload: string,
  signal: AbortSignal,
): Promise<{ httpStatus: number; ms: number }> {
  const started = performance.now();
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'stripe-signature': signatureHeader(payload, endpoint.secret),
      },
      body: payload,
      signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]),
    });
    await response.body?.cancel();
    return { httpStatus: response.status, ms: performance.now() - started };
  } catch {
    return { httpStatus: 0, ms: performance.now() - started };
  }
}

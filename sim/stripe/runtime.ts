import { postEvent, listensTo, renderEvent } from './webhooks';
import {
  now,
  stripeId,
  type StripeEvent,
  type StripeState,
  type StripeWebhookEndpoint,
  type WebhookDelivery,
} from './state';

export interface StripeRuntimeOptions {
  /** How long after finalizing an auto-advancing invoice the simulator charges it. */
  paymentDelayMs: number;
  /** Waits before each retry of a webhook that was not answered 2xx; its length is the number of retries. */
  webhookRetryDelaysMs: number[];
}

export type StripeRuntime = ReturnType<typeof createStripeRuntime>;

/**
 * What the Stripe simulator does on its own time: delivering events (signed, retried with backoff) and charging
 * invoices later. `clear` (reset, close) cancels all of it, so nothing outlives the test that started it.
 */
export function createStripeRuntime(stripe: () => StripeState, options: StripeRuntimeOptions) {
  const timers = new Set<NodeJS.Timeout>();
  let aborter = new AbortController();
  let generation = 0;
  // First attempts go out one at a time per endpoint, in the order events happened; retries overtake them.
  const queues = new Map<string, Promise<unknown>>();

  function later(ms: number, task: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    timers.add(timer);
  }

  function deliver(event: StripeEvent, endpoint: StripeWebhookEndpoint, retry: boolean): Promise<WebhookDelivery> {
    const delivery: WebhookDelivery = {
      eventId: event.id,
      type: event.type,
      endpoint: endpoint.id,
      url: endpoint.url,
      status: 'pending',
      attempts: [],
    };
    stripe().deliveries.push(delivery);
    const started = generation;
    const attempt = async (retries: number): Promise<void> => {
      // Nothing queued before a reset or close goes out after it.
      if (started !== generation) return;
      // Signed afresh on each attempt, as Stripe does: the timestamp is the attempt's.
      const outcome = await postEvent(endpoint, JSON.stringify(renderEvent(event), null, 2), aborter.signal);
      if (started !== generation) return;
      delivery.attempts.push({ at: Date.now(), ...outcome });
      const delivered = outcome.httpStatus >= 200 && outcome.httpStatus < 300;
      const wait = retry && !delivered ? options.webhookRetryDelaysMs[retries] : undefined;
      if (wait !== undefined) {
        later(wait, () => void attempt(retries + 1));
        return;
      }
      delivery.status = delivered ? 'delivered' : 'failed';
      event.pendingWebhooks = Math.max(0, event.pendingWebhooks - 1);
    };
    const first = (queues.get(endpoint.id) ?? Promise.resolve()).then(() => attempt(0));
    queues.set(endpoint.id, first);
    return first.then(() => delivery);
  }

  return {
    paymentDelayMs: options.paymentDelayMs,
    later,

    /** Records an event and sends it to every endpoint listening for its type. */
    emit(type: string, object: Record<string, unknown>, previousAttributes: Record<string, unknown> | null = null) {
      const endpoints = [...stripe().webhookEndpoints.values()].filter((endpoint) => listensTo(endpoint, type));
      const event: StripeEvent = {
        id: stripeId('evt'),
        type,
        created: now(),
        // A snapshot: later changes to the object must not show in an event already sent.
        object: structuredClone(object),
        previousAttributes,
        idempotencyKey: null,
        pendingWebhooks: endpoints.length,
      };
      stripe().events.push(event);
      for (const endpoint of endpoints) void deliver(event, endpoint, true);
      return event;
    },

    /** Sends a past event once more to every listening endpoint (no retries); null when the event is unknown. */
    async resend(eventId: string): Promise<WebhookDelivery[] | null> {
      const event = stripe().events.find((candidate) => candidate.id === eventId);
      if (!event) return null;
      const endpoints = [...stripe().webhookEndpoints.values()].filter((endpoint) => listensTo(endpoint, event.type));
      event.pendingWebhooks += endpoints.length;
      return Promise.all(endpoints.map((endpoint) => deliver(event, endpoint, false)));
    },

    clear(): void {
      generation += 1;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      queues.clear();
      aborter.abort();
      aborter = new AbortController();
    },
  };
}

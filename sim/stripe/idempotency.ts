import type { FastifyRequest, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { apiKeyOf } from './api-key';
import { StripeApiError } from './errors';
import type { IdempotentResult, StripeState } from './state';

const KEPT_MS = 24 * 3600_000;
/** A request still running after this long is taken for lost, and its key is free again. */
const IN_FLIGHT_MS = 60_000;
const toRemember = new WeakMap<FastifyRequest, { key: string; marker: IdempotentResult }>();

/** The account (API key) and Idempotency-Key of a POST; Stripe ignores the header on GET and DELETE. */
function keyOf(request: FastifyRequest): { key: string; raw: string } | null {
  const raw = request.headers['idempotency-key'];
  if (request.method !== 'POST' || typeof raw !== 'string' || raw === '') return null;
  return { key: `${apiKeyOf(request)}\n${raw}`, raw };
}

const fingerprintOf = (request: FastifyRequest) =>
  `${request.method} ${request.url.split('?')[0]} ${JSON.stringify(request.body ?? {})}`;

/**
 * Runs after the fault gate: a key seen with the same request replays the saved answer (`Idempotent-Replayed`),
 * with a different one it is refused, and while the first is still running the second gets 409. Keys are kept
 * 24 hours per API key, as on Stripe.
 */
export function replayIdempotent(stripe: () => StripeState): preHandlerAsyncHookHandler {
  return async function replay(request, reply) {
    const idempotency = keyOf(request);
    if (!idempotency) return;
    const fingerprint = fingerprintOf(request);
    const saved = stripe().idempotency.get(idempotency.key);
    const age = saved ? Date.now() - saved.createdAt : Infinity;
    if (saved && saved.status === null && age < IN_FLIGHT_MS) {
      throw new StripeApiError(
        409,
        'idempotency_error',
        `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${idempotency.raw}. Please try again later.`,
      );
    }
    if (saved && saved.status !== null && age < KEPT_MS) {
      if (saved.fingerprint !== fingerprint) {
        throw new StripeApiError(
          400,
          'idempotency_error',
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotency.raw}' if you meant to execute a different request.`,
        );
      }
      return reply
        .code(saved.status)
        .header('idempotent-replayed', 'true')
        .header('content-type', 'application/json; charset=utf-8')
        .send(saved.body);
    }
    const marker: IdempotentResult = { fingerprint, status: null, body: '', createdAt: Date.now() };
    stripe().idempotency.set(idempotency.key, marker);
    toRemember.set(request, { key: idempotency.key, marker });
  };
}

/**
 * Saves what a keyed request answered once the endpoint ran: successes and card declines. Refusals of the
 * parameters are not saved (no endpoint ran), nor are failures the fault gate made up.
 */
export function rememberIdempotent(stripe: () => StripeState): onSendAsyncHookHandler {
  return async function remember(request, reply, payload) {
    const pending = toRemember.get(request);
    toRemember.delete(request);
    if (!pending) return payload;
    const keys = stripe().idempotency;
    const saved = reply.statusCode < 300 || reply.statusCode === 402;
    if (saved && typeof payload === 'string') {
      keys.set(pending.key, { ...pending.marker, status: reply.statusCode, body: payload, createdAt: Date.now() });
    } else if (keys.get(pending.key) === pending.marker) {
      keys.delete(pending.key);
    }
    return payload;
  };
}

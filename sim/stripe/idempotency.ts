import type { FastifyRequest, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { StripeApiError } from './errors';
import type { StripeState } from './state';

const KEPT_MS = 24 * 3600_000;
const toRemember = new WeakMap<FastifyRequest, { key: string; fingerprint: string }>();

/** The account (API key) and Idempotency-Key of a POST; Stripe ignores the header on GET and DELETE. */
function keyOf(request: FastifyRequest): { key: string; raw: string } | null {
  const raw = request.headers['idempotency-key'];
  if (request.method !== 'POST' || typeof raw !== 'string' || raw === '') return null;
  return { key: `${apiKeyOf(request)}\n${raw}`, raw };
}

export const apiKeyOf = (request: FastifyRequest): string =>
  /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';

const fingerprintOf = (request: FastifyRequest) =>
  `${request.method} ${request.url.split('?')[0]} ${JSON.stringify(request.body ?? {})}`;

/**
 * Runs after the fault gate: a key seen with the same request replays the saved answer (`Idempotent-Replayed`),
 * with a different one it is refused. Keys are kept 24 hours per API key, as on Stripe.
 */
export function replayIdempotent(stripe: () => StripeState): preHandlerAsyncHookHandler {
  return async function replay(request, reply) {
    const idempotency = keyOf(request);
    if (!idempotency) return;
    const fingerprint = fingerprintOf(request);
    const saved = stripe().idempotency.get(idempotency.key);
    if (saved && Date.now() - saved.createdAt < KEPT_MS) {
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
    toRemember.set(request, { key: idempotency.key, fingerprint });
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
    const saved = reply.statusCode < 300 || reply.statusCode === 402;
    if (pending && saved && typeof payload === 'string') {
      stripe().idempotency.set(pending.key, {
        ...pending,
        status: reply.statusCode,
        body: payload,
        createdAt: Date.now(),
      });
    }
    return payload;
  };
}

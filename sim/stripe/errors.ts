import type { FastifyReply } from 'fastify';
import type { Fault } from '../faults';

export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

/** A refusal in Stripe's terms; route handlers throw it and the Stripe plugin's error handler renders it. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Stripe's error body: `{ error: { type, code, message, param, doc_url } }`. */
export function stripeError(reply: FastifyReply, error: StripeApiError): FastifyReply {
  const { status, type, code, message, param, extra } = error;
  const docUrl = code ? `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}` : undefined;
  return reply.code(status).send({ error: { type, code, message, param, doc_url: docUrl, ...extra } });
}

export const invalid = (message: string, code?: string, param?: string) =>
  new StripeApiError(400, 'invalid_request_error', message, code, param);

export const noSuch = (resource: string, id: string) =>
  new StripeApiError(404, 'invalid_request_error', `No such ${resource}: '${id}'`, 'resource_missing', 'id');

// Statuses without a `code` in the fault get the code Stripe uses for them.
const CODE_BY_STATUS: Record<number, string> = { 402: 'card_declined', 404: 'resource_missing', 429: 'rate_limit' };

export function stripeFaultReply(reply: FastifyReply, fault: Fault): FastifyReply {
  const type: StripeErrorType =
    fault.status >= 500 ? 'api_error' : fault.status === 402 ? 'card_error' : 'invalid_request_error';
  const code = fault.code === null ? CODE_BY_STATUS[fault.status] : String(fault.code);
  const message = fault.message ?? `Simulated Stripe failure (${fault.status})`;
  return stripeError(reply, new StripeApiError(fault.status, type, message, code));
}

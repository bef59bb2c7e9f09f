import type { FastifyReply } from 'fastify';
import type { Fault } from '../faults';
import type { Permission } from './state';

/** ElevenLabs' error body: `{ detail: { status, message } }`, where `status` is a machine-readable code. */
export function elevenLabsError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ detail: { status: code, message } });
}

export const invalidApiKey = (reply: FastifyReply) => elevenLabsError(reply, 401, 'invalid_api_key', 'Invalid API key');

export const needsAuthorization = (reply: FastifyReply) =>
  elevenLabsError(
    reply,
    401,
    'needs_authorization',
    'Neither authorization header nor xi-api-key received, please provide one.',
  );

/** What a restricted key meets: 401 (not 403), naming the scope it lacks. */
export const missingPermission = (reply: FastifyReply, permission: Permission) =>
  elevenLabsError(
    reply,
    401,
    'missing_permissions',
    `The API key you used is missing the permission ${permission} to execute this operation.`,
  );

/** A request parameter FastAPI refuses: 422 with a list of problems. */
export function unprocessable(reply: FastifyReply, location: string[], message: string): FastifyReply {
  return reply.code(422).send({ detail: [{ loc: location, msg: message, type: 'value_error' }] });
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  401: 'invalid_api_key',
  404: 'not_found',
  429: 'too_many_concurrent_requests',
  500: 'internal_server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
};

/** A `fail` fault; a 429 announces `retry-after` in whole seconds from the fault's `delayMs` (default 1000). */
export function elevenLabsFaultReply(reply: FastifyReply, fault: Fault): FastifyReply {
  if (fault.status === 429) reply.header('retry-after', String(Math.max(1, Math.ceil(fault.delayMs / 1000))));
  const code = fault.code === null ? (CODE_BY_STATUS[fault.status] ?? 'error') : String(fault.code);
  return elevenLabsError(reply, fault.status, code, fault.message ?? `Simulated ElevenLabs failure (${fault.status})`);
}

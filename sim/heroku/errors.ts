import type { FastifyReply } from 'fastify';
import type { Fault } from '../faults';

const ID_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'invalid_params',
  429: 'rate_limit',
  500: 'internal_server_error',
  503: 'unavailable',
};

/** Heroku's error body: `{ id, message }`. */
export function herokuError(reply: FastifyReply, status: number, id: string, message: string): FastifyReply {
  return reply.code(status).send({ id, message });
}

export function herokuFaultReply(reply: FastifyReply, fault: Fault): FastifyReply {
  const id = fault.code === null ? (ID_BY_STATUS[fault.status] ?? 'error') : String(fault.code);
  return herokuError(reply, fault.status, id, fault.message ?? `Simulated Heroku failure (${fault.status})`);
}

export const appNotFound = (reply: FastifyReply) => herokuError(reply, 404, 'not_found', "Couldn't find that app.");

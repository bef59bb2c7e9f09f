import type { FastifyReply } from 'fastify';
import type { Fault } from '../faults';

/** Twilio's legacy error body, which the SDK turns into a `RestException` with `status` and `code`. */
export function twilioError(reply: FastifyReply, status: number, code: number, message: string): FastifyReply {
  return reply.code(status).send({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

export function twilioNotFound(reply: FastifyReply, path: string): FastifyReply {
  return twilioError(reply, 404, 20404, `The requested resource ${path} was not found`);
}

export function twilioFaultReply(reply: FastifyReply, fault: Fault): FastifyReply {
  // 20000 + status is Twilio's own numbering for the generic HTTP errors (20404, 20429, 20500, 20503).
  const code = fault.code === null ? 20000 + fault.status : Number(fault.code);
  return twilioError(reply, fault.status, code, fault.message ?? `Simulated Twilio failure (${fault.status})`);
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/errors/app-error';
import { problem } from '../problem';
import type { Problem } from '../../contracts/problem';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * SQLSTATE class 22 ("data exception": invalid byte sequence, value out of range, bad text representation) means a
 * value the database cannot hold reached it. Validation at the edge should make that impossible; this net exists
 * so that a field validation misses still answers 400 (the transaction rolled back, nothing changed) instead of
 * a 500, and it logs at error level because every hit is a validation gap to close.
 */
function dataExceptionState(error: unknown): string | null {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return code;
  }
  return null;
}

/**
 * Problems leave as text: a route's response schema documents them (api/responses.ts) but must not re-check them,
 * since a serializer failing inside the error handler would turn a clear 4xx into a 500.
 */
const serializedProblem = (body: Problem): string => JSON.stringify(body);

/** Turns every error into problem+json: business errors keep their message, unexpected ones hide details. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    let body: Problem;
    const sqlState = dataExceptionState(error);
    if (error instanceof AppError) {
      body = problem(error.status, error.code, error.message, { errors: error.errors, ...error.extensions });
      if (error.status >= 500) request.log.warn({ err: error.cause ?? error }, error.message);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        path: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'is invalid',
      }));
      body = problem(400, 'validation_failed', 'The request is invalid', { errors });
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      body = problem(error.statusCode, CODE_BY_STATUS[error.statusCode] ?? 'bad_request', error.message);
    } else if (sqlState) {
      request.log.error({ err: error, sqlState }, 'data exception: a validation gap');
      body = problem(400, 'bad_request', 'The request holds a value that cannot be stored');
    } else {
      request.log.error({ err: error }, 'unhandled error');
      body = problem(500, 'internal', 'Something went wrong on our side; it has been logged');
    }
    return reply
      .status(body.status)
      .type('application/problem+json')
      .send(serializedProblem({ ...body, instance: request.url.split('?')[0] }));
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .type('application/problem+json')
      .send(serializedProblem(problem(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`))),
  );
});

/**
 * Fastify's `frameworkErrors`: what the router refuses before any hook or handler runs (a URL that is not valid
 * percent-encoding, a path parameter longer than `maxParamLength`) answers problem+json too, not Fastify's JSON.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 500;
  const body =
    status >= 400 && status < 500
      ? problem(
          status,
          CODE_BY_STATUS[status] ?? 'bad_request',
          'The URL cannot be routed: it is malformed or too long',
        )
      : problem(500, 'internal', 'Something went wrong on our side; it has been logged');
  if (status >= 500) request.log.error({ err: error }, 'router error');
  void reply.status(body.status).type('application/problem+json').send(serializedProblem(body));
}

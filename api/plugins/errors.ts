import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/errors/app-error';
import { problem, type Problem } from '../problem';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Turns every error into problem+json: business errors keep their message, unexpected ones hide details. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    let body: Problem;
    if (error instanceof AppError) {
      body = problem(error.status, error.code, error.message, { errors: error.errors });
      if (error.status >= 500) request.log.warn({ err: error.cause ?? error }, error.message);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        path: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'is invalid',
      }));
      body = problem(400, 'validation_failed', 'The request is invalid', { errors });
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      body = problem(error.statusCode, CODE_BY_STATUS[error.statusCode] ?? 'bad_request', error.message);
    } else {
      request.log.error({ err: error }, 'unhandled error');
      body = problem(500, 'internal', 'Something went wrong on our side; it has been logged');
    }
    return reply
      .status(body.status)
      .type('application/problem+json')
      .send({ ...body, instance: request.url.split('?')[0] });
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .type('application/problem+json')
      .send(problem(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );
});

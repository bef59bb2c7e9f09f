import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../domain/errors/app-error';
import { findUnstorableText } from './find-unstorable-text';

/**
 * PostgreSQL refuses NUL in text and invalid UTF-8 (which an unpaired surrogate becomes), and a use case that
 * stores such a string fails half-way with a 500. One check at the edge, before schema validation, covers every
 * route and every content type (JSON, Twilio's forms, plain text): body, query string and path parameters, values
 * and keys alike, and refuses bodies nested deeper than any schema.
 */
export const rejectUnstorableTextPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const error =
      findUnstorableText(request.params, 'params') ??
      findUnstorableText(request.query, 'querystring') ??
      findUnstorableText(request.body, 'body');
    if (error) throw new AppError('bad_request', 'The request holds text that cannot be stored', { errors: [error] });
  });
});

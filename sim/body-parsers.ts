import type { FastifyInstance } from 'fastify';

/**
 * Providers' clients send bodies Fastify's defaults refuse: heroku-client labels even empty bodies (GET, DELETE)
 * as JSON, and Twilio's SDK posts forms. A plain parser avoids a dependency on @fastify/formbody.
 */
export function bodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('Request body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}

import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors/app-error';
import { errorsPlugin, frameworkErrors } from './errors';

/** A bare app with the errors plugin and routes that fail the ways the database and the router do. */
async function appWithFailures() {
  const app = Fastify({ frameworkErrors, routerOptions: { maxParamLength: 40 } });
  await app.register(errorsPlugin);
  const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
  app.get('/nul-reached-the-database', async () => {
    throw pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00');
  });
  app.get('/wrapped-data-exception', async () => {
    throw new Error('query failed', { cause: pgError('22008', 'date/time field value out of range') });
  });
  app.get('/unique-violation', async () => {
    throw pgError('23505', 'duplicate key value violates unique constraint');
  });
  app.get('/items/:id', async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('errors plugin', () => {
  it('answers a PostgreSQL data exception (SQLSTATE class 22) with 400, also when wrapped', async () => {
    const app = await appWithFailures();
    for (const url of ['/nul-reached-the-database', '/wrapped-data-exception']) {
      const response = await app.inject({ url });
      expect({ url, status: response.statusCode, type: response.headers['content-type'] }).toEqual({
        url,
        status: 400,
        type: 'application/problem+json; charset=utf-8',
      });
      expect(response.json()).toMatchObject({ code: 'bad_request', status: 400 });
    }
    await app.close();
  });

  it('keeps other database errors a 500 without details', async () => {
    const app = await appWithFailures();
    const response = await app.inject({ url: '/unique-violation' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('duplicate key');
    await app.close();
  });

  it('answers URLs the router refuses with problem+json too', async () => {
    const app = await appWithFailures();
    const badEncoding = await app.inject({ url: '/items/%ED%A0%80' });
    const tooLong = await app.inject({ url: `/items/${'a'.repeat(41)}` });
    expect([badEncoding.statusCode, tooLong.statusCode]).toEqual([400, 414]);
    for (const response of [badEncoding, tooLong]) {
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().status).toBe(response.statusCode);
    }
    await app.close();
  });

  describe('with its logs read', () => {
    /** A bare app whose error-level and warning logs the test reads. */
    async function appWithLogs(routes: (app: FastifyInstance) => void) {
      const logs: { level: number; msg: string }[] = [];
      const app = Fastify({
        frameworkErrors,
        logger: { level: 'warn', stream: { write: (line: string) => logs.push(JSON.parse(line)) } },
      });
      await app.register(errorsPlugin);
      routes(app);
      await app.ready();
      return { app, logs };
    }
    const ERROR = 50;
    const WARN = 40;

    it('keeps the status of a client error from a plugin, naming the ones it knows', async () => {
      const { app, logs } = await appWithLogs((app) => {
        app.get('/teapot', async () => {
          throw Object.assign(new Error('I refuse to brew coffee'), { statusCode: 418 });
        });
        app.get('/too-many', async () => {
          throw Object.assign(new Error('Rate limit exceeded'), { statusCode: 429 });
        });
      });
      const teapot = await app.inject({ url: '/teapot?cup=1' });
      expect(teapot.statusCode).toBe(418);
      expect(teapot.json()).toMatchObject({
        status: 418,
        code: 'bad_request',
        detail: 'I refuse to brew coffee',
        instance: '/teapot',
      });
      expect((await app.inject({ url: '/too-many' })).json()).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(logs).toEqual([]);
      await app.close();
    });

    it('answers a business error with its own code and message, warning about unavailable services', async () => {
      const { app, logs } = await appWithLogs((app) => {
        app.get('/gone', async () => {
          throw new AppError('gone', 'That export has expired');
        });
        app.get('/down', async () => {
          throw new AppError('unavailable', 'Billing is not reachable', { cause: new Error('ECONNRESET') });
        });
      });
      expect((await app.inject({ url: '/gone' })).json()).toMatchObject({
        status: 410,
        code: 'gone',
        detail: 'That export has expired',
      });
      const down = await app.inject({ url: '/down' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ code: 'unavailable', detail: 'Billing is not reachable' });
      expect(logs.map(({ level, msg }) => ({ level, msg }))).toEqual([
        { level: WARN, msg: 'Billing is not reachable' },
      ]);
      await app.close();
    });

    it('answers a router failure without a status as a logged 500, and an unnamed 4xx as bad_request', async () => {
      // frameworkErrors is what Fastify calls for router failures; these routes hand it ones the tests choose.
      const { app, logs } = await appWithLogs((app) => {
        app.get('/router-crash', (request, reply) =>
          frameworkErrors(new Error('boom') as FastifyError, request, reply),
        );
        app.get('/router-431', (request, reply) =>
          frameworkErrors(Object.assign(new Error('headers'), { statusCode: 431 }) as FastifyError, request, reply),
        );
      });
      const crash = await app.inject({ url: '/router-crash' });
      expect(crash.statusCode).toBe(500);
      expect(crash.headers['content-type']).toContain('application/problem+json');
      expect(crash.json()).toMatchObject({ status: 500, code: 'internal' });
      expect(crash.body).not.toContain('boom');
      expect(logs.map(({ level, msg }) => ({ level, msg }))).toEqual([{ level: ERROR, msg: 'router error' }]);

      const headers = await app.inject({ url: '/router-431' });
      expect(headers.statusCode).toBe(431);
      expect(headers.json()).toMatchObject({ status: 431, code: 'bad_request' });
      expect(logs).toHaveLength(1);
      await app.close();
    });
  });
});

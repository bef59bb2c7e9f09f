import Fastify from 'fastify';
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
});

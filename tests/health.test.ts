import { createHarness, type Harness } from './support/harness';

describe('GET /api/health', () => {
  it('reports a worker-less task queue as degraded, then ok once a worker polls', async () => {
    const withoutWorker = await createHarness();
    try {
      const response = await withoutWorker.app.inject({ url: '/api/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        status: 'degraded',
        checks: { db: { ok: true }, temporal: { ok: true }, workers: { ok: false, pollers: 0 } },
      });
    } finally {
      await withoutWorker.close();
    }

    const withWorker: Harness = await createHarness({ worker: true });
    try {
      let body = (await withWorker.app.inject({ url: '/api/health' })).json();
      for (let i = 0; i < 50 && body.status !== 'ok'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        body = (await withWorker.app.inject({ url: '/api/health' })).json();
      }
      expect(body).toMatchObject({ status: 'ok', checks: { workers: { ok: true } } });
      expect(body.checks.workers.pollers).toBeGreaterThan(0);
    } finally {
      await withWorker.close();
    }
  });

  it('serves the OpenAPI document that describes the routes', async () => {
    const h = await createHarness();
    try {
      const response = await h.app.inject({ url: '/docs/json' });
      expect(response.statusCode).toBe(200);
      const paths = Object.keys(response.json().paths);
      expect(paths).toEqual(
        expect.arrayContaining(['/api/auth/login', '/api/tenants/', '/api/tenants/{id}/users', '/api/health']),
      );
    } finally {
      await h.close();
    }
  });
});

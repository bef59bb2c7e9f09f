import cluster from 'node:cluster';
import Fastify from 'fastify';
import pg from 'pg';
import { startApiCluster } from '../../api/api-cluster';
import { loggerOptions } from '../../config/logger';

/**
 * The raw floor of `npm run bench:api`, run as a process of its own like the API: a bare Fastify server with the
 * API's logger settings (JSON to stdout, which the bench sends to a file) and one route doing one primary-key
 * query through a pool of the API's size. No auth, no RLS scope, no ORM, no domain layer.
 *
 * Environment: BENCH_FLOOR_DATABASE_URL, BENCH_FLOOR_PORT, BENCH_FLOOR_POOL (default 10, the API's ORM pool per
 * process), BENCH_FLOOR_WORKERS (default 1: processes sharing the port, as the API's API_WORKERS).
 */
async function main(): Promise<void> {
  const workers = Number(process.env.BENCH_FLOOR_WORKERS ?? 1);
  if (workers > 1 && cluster.isPrimary) return supervise(workers);
  const pool = new pg.Pool({
    connectionString: process.env.BENCH_FLOOR_DATABASE_URL,
    max: Number(process.env.BENCH_FLOOR_POOL ?? 10),
  });
  const app = Fastify({ logger: loggerOptions('info', { pretty: false }) });
  app.get<{ Params: { id: string } }>('/floor/plans/:id', async (request, reply) => {
    const result = await pool.query('select id, code, name, currency from plans where id = $1', [request.params.id]);
    if (result.rows.length === 0) return reply.status(404).send({ title: 'Not Found', status: 404 });
    return result.rows[0];
  });
  const stop = () => {
    void app
      .close()
      .then(() => pool.end())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_FLOOR_PORT) });
}

/** Several floor processes on one port, supervised as the API's are (api/api-cluster.ts). */
function supervise(workers: number): void {
  const floor = startApiCluster({
    workers,
    databaseUrl: process.env.BENCH_FLOOR_DATABASE_URL ?? '',
    log: (level, message) => console.log(JSON.stringify({ level, msg: message })),
  });
  void floor.failed.then((error) => {
    console.error(error.message);
    process.exit(1);
  });
  const stop = () => void floor.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('floor failed to start:', error);
  process.exit(1);
});

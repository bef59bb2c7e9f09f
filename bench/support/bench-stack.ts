import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { startEmbeddedPostgres } from '../../db/embedded-postgres';
import { createOrm, migrateToLatest, type Orm } from '../../db/orm';
import { findOrObtainTemporalCli } from '../../temporal/cli';
import { CUSTOM_SEARCH_ATTRIBUTES } from '../../temporal/search-attributes';
import { getFreePort } from '../../tests/support/free-port';

/**
 * Real infrastructure for a benchmark: the embedded PostgreSQL in `dataDir` (default `.data/bench-postgres`, or
 * BENCH_DATABASE_URL) and an in-memory Temporal dev server from the project's CLI.
 */
export async function startBenchStack(options: { dataDir?: string } = {}): Promise<{
  orm: Orm;
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** The embedded cluster's data directory (null with BENCH_DATABASE_URL), for its CPU figures. */
  postgresDataDir: string | null;
  stop(): Promise<void>;
}> {
  const stops: (() => Promise<void>)[] = [];
  let databaseUrl = process.env.BENCH_DATABASE_URL;
  let postgresDataDir: string | null = null;
  if (!databaseUrl) {
    postgresDataDir = path.resolve(options.dataDir ?? '.data/bench-postgres');
    const db = await startEmbeddedPostgres({ dataDir: postgresDataDir, port: await getFreePort() });
    stops.push(() => db.stop());
    databaseUrl = db.url;
  }
  const orm = await createOrm(databaseUrl, { poolMax: 20 });
  await migrateToLatest(orm);
  const port = await getFreePort();
  const temporal = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: await findOrObtainTemporalCli() },
      ip: '127.0.0.1',
      port,
      ui: false,
      searchAttributes: CUSTOM_SEARCH_ATTRIBUTES,
    },
  });
  stops.push(() => temporal.teardown());
  return {
    orm,
    databaseUrl,
    temporalAddress: `127.0.0.1:${port}`,
    taskQueue: `bench-${randomUUID()}`,
    postgresDataDir,
    async stop() {
      await orm.close();
      for (const stop of stops.reverse()) await stop();
    },
  };
}

export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

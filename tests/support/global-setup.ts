import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../db/embedded-postgres';
import { createOrm, migrateToLatest } from '../../db/orm';
import { seed } from '../../domain/seed';
import { findOrObtainTemporalCli } from '../../temporal/cli';
import { CUSTOM_SEARCH_ATTRIBUTES } from '../../temporal/search-attributes';
import { WORKFLOWS_PATH } from '../../temporal/worker';
import { getFreePort } from './free-port';
import { TEST_ADMIN } from './test-constants';
import { WORKFLOW_BUNDLE_ENV } from './workflow-bundle';
import { workflowCoverage } from './workflow-coverage';

type Teardown = () => Promise<void>;
declare global {
  var __voiceplaneTeardown: Teardown[] | undefined;
}

/**
 * Starts the real infrastructure once for the whole run: PostgreSQL (embedded, or TEST_DATABASE_URL) with a
 * freshly migrated schema, and the Temporal dev server from the project's own CLI (or TEST_TEMPORAL_ADDRESS).
 * Meanwhile it bundles the platform's workflows once for every worker and replay of the run.
 */
export default async function globalSetup(globalConfig: { collectCoverage: boolean }): Promise<void> {
  const teardown: Teardown[] = [];
  globalThis.__voiceplaneTeardown = teardown;
  const bundled = bundleWorkflowsOnce(teardown, globalConfig.collectCoverage);

  let databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) {
    // A fresh cluster per run: runs never share state, and parallel runs (two terminals, CI) never collide.
    const dataDir = await mkdtemp(path.join(tmpdir(), 'voiceplane-test-pg-'));
    await chmod(dataDir, 0o755); // reachable by the `postgres` user the cluster runs as under root
    const db = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'cluster'),
      port: Number(process.env.TEST_PG_PORT ?? (await getFreePort())),
    });
    teardown.push(async () => {
      await db.stop();
      await rm(dataDir, { recursive: true, force: true });
    });
    databaseUrl = db.url;
  }
  await resetSchema(databaseUrl);
  const orm = await createOrm(databaseUrl);
  await migrateToLatest(orm);
  await seed(orm, { adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password, demo: null });
  await orm.close();
  process.env.TEST_DATABASE_URL = databaseUrl;

  if (!process.env.TEST_TEMPORAL_ADDRESS) {
    const cli = await findOrObtainTemporalCli({ explicitPath: process.env.TEMPORAL_CLI, log: console.log });
    const port = await getFreePort();
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: cli },
        ip: '127.0.0.1',
        port,
        ui: false,
        searchAttributes: CUSTOM_SEARCH_ATTRIBUTES,
      },
    });
    teardown.push(() => env.teardown());
    process.env.TEST_TEMPORAL_ADDRESS = `127.0.0.1:${port}`;
  }
  await bundled;
}

/**
 * The workflows' bundle in a folder of this run's own, its path in TEST_WORKFLOW_BUNDLE for the test processes;
 * instrumented for istanbul when the run collects coverage.
 */
async function bundleWorkflowsOnce(teardown: Teardown[], instrument: boolean): Promise<void> {
  if (process.env[WORKFLOW_BUNDLE_ENV]) return;
  const options = { workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger('WARN') };
  if (instrument) {
    // The plugin instruments only where a coverage map exists; the test files' own is made by their transform.
    (globalThis as { __coverage__?: object }).__coverage__ ??= {};
  }
  const { code } = await bundleWorkflowCode(instrument ? workflowCoverage.augmentBundleOptions(options) : options);
  const dir = await mkdtemp(path.join(tmpdir(), 'voiceplane-workflows-'));
  teardown.push(() => rm(dir, { recursive: true, force: true }));
  const codePath = path.join(dir, 'workflows.js');
  await writeFile(codePath, code);
  process.env[WORKFLOW_BUNDLE_ENV] = codePath;
}

async function resetSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop schema if exists public cascade; create schema public;');
  } finally {
    await client.end();
  }
}

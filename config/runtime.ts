import type { Env } from './env';
import { loadEnv } from './load-env';
import { resolveSecrets, SecretsError, type Secrets } from './secrets';

/** Environment and secrets for a process entry point; prints what is wrong and exits instead of starting. */
export function loadRuntime(): { env: Env; secrets: Secrets } {
  const env = loadEnv();
  try {
    return { env, secrets: resolveSecrets(env) };
  } catch (error) {
    if (error instanceof SecretsError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
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

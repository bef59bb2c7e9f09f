import { DefaultLogger, Runtime } from '@temporalio/worker';

/** Temporal's core logs errors only in tests; the runtime is installed once per process, by whoever comes first. */
export function quietTemporalLogs(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // Installed already (by a harness or an earlier test in this process).
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * In production the API, the worker and Temporal run on machines of their own; a benchmark on one small machine
 * runs them side by side. Giving the background tier (Temporal server, worker and relay) a lower CPU priority
 * than the API is how it models that: the webhook ingress is not starved by work that may wait.
 */
export const BACKGROUND_NICENESS = 10;

export function runInBackground(pid: number): void {
  os.setPriority(pid, BACKGROUND_NICENESS);
}

/** Processes whose command line holds every one of `args` (Linux /proc; none elsewhere). */
export function processesWithArgs(...args: string[]): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  return entries.flatMap((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return args.every((arg) => argv.includes(arg)) ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

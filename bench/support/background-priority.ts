import { readFileSync } from 'node:fs';
import os from 'node:os';
import { pids } from './process-cpu';

/**
 * In production the API, the worker and Temporal run on machines of their own; a benchmark on one small machine
 * runs them side by side. Giving the background tier (Temporal server, worker and relay) a lower CPU priority
 * than the API is how it models that: the webhook ingress is not starved by work that may wait.
 */
const BACKGROUND_NICENESS = 10;

export function runInBackground(pid: number): void {
  os.setPriority(pid, BACKGROUND_NICENESS);
}

/** Processes whose command line holds every one of `args` (Linux /proc; none elsewhere). */
export function processesWithArgs(...args: string[]): number[] {
  return pids().flatMap((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return args.every((arg) => argv.includes(arg)) ? [pid] : [];
    } catch {
      return [];
    }
  });
}

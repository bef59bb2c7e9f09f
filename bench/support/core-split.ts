import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { pids, processParent } from './process-cpu';

export interface CoreSplit {
  temporalCores: number[];
  platformCores: number[];
  pinned: { temporal: number; platform: number };
}

/**
 * In production Temporal runs apart from the platform (Temporal Cloud or a cluster of its own), so what Temporal
 * can do is the physical limit the platform is measured against. On one small machine a benchmark stands that in
 * by giving the Temporal server a core of its own and everything else (API, worker, relay, PostgreSQL, the load
 * generator, the floor's worker) the others. The floor and the platform then meet the same Temporal, and the ratio
 * says what the platform costs Temporal, not how much of Temporal's CPU the platform's own processes took away.
 *
 * Pins the Temporal processes to the last core and this process with all its other descendants (PostgreSQL's
 * later backends inherit the postmaster's set) to the rest, every thread included. Null where it cannot be done
 * (one core, no /proc, no `taskset`).
 */
export function splitCores(temporalPids: number[]): CoreSplit | null {
  const cores = os.availableParallelism();
  if (cores < 2 || temporalPids.length === 0) return null;
  const temporalCores = [cores - 1];
  const platformCores = Array.from({ length: cores - 1 }, (_, n) => n);
  const temporal = new Set(temporalPids.flatMap((pid) => [pid, ...descendantsOf(pid)]));
  const platform = [process.pid, ...descendantsOf(process.pid)].filter((pid) => !temporal.has(pid));
  try {
    for (const pid of temporal) pin(pid, temporalCores);
    for (const pid of platform) pin(pid, platformCores);
  } catch {
    return null;
  }
  return { temporalCores, platformCores, pinned: { temporal: temporal.size, platform: platform.length } };
}

export function describeCoreSplit(split: CoreSplit | null): string {
  if (!split) return 'cores: shared (all processes on all cores)';
  return (
    `cores: Temporal server on CPU ${split.temporalCores.join(',')}; API, worker, relay, PostgreSQL, simulator ` +
    `and floor worker on CPU ${split.platformCores.join(',')} (${split.pinned.platform} processes)`
  );
}

function pin(pid: number, cores: number[]): void {
  try {
    execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cores.join(','), String(pid)], { stdio: 'ignore' });
  } catch (error) {
    // A process that ended meanwhile needs no pinning; anything else means the split cannot be made.
    if (processParent(pid) !== null) throw error;
  }
}

function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of pids()) {
    const parent = processParent(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

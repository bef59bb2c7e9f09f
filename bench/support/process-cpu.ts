import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Kernel clock ticks per second (USER_HZ), the unit of /proc/<pid>/stat's times; 100 on Linux. */
const TICKS_PER_SECOND = 100;

/** utime + stime, cutime + cstime (in ticks) and the parent pid from a `/proc/…/stat` line. */
function parseStat(text: string): { own: number; reaped: number; ppid: number } {
  // The command name is in parentheses and may contain spaces: fields are counted after its closing one.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const field = (n: number) => Number(fields[n - 3]);
  return { own: field(14) + field(15), reaped: field(16) + field(17), ppid: field(4) };
}

/** A process's times and parent from /proc (null once it is gone). */
function stat(pid: number): { own: number; reaped: number; ppid: number } | null {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** Every process id in /proc (none without it). */
export const pids = (): number[] => {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number);
  } catch {
    return [];
  }
};

/** CPU seconds a process has used so far (0 when it is gone or there is no /proc). */
export function processCpuSeconds(pid: number): number {
  return (stat(pid)?.own ?? 0) / TICKS_PER_SECOND;
}

/**
 * CPU seconds a process and its children have used so far: its own, its live children's and those of the
 * children it has reaped (0 when it is gone). A supervisor's workers (PostgreSQL's backends, the API's cluster
 * workers) count towards it.
 */
export function processTreeCpuSeconds(pid: number): number {
  const root = stat(pid);
  if (!root) return 0;
  const children = pids()
    .map(stat)
    .filter((child) => child?.ppid === pid)
    .reduce((sum, child) => sum + child!.own, 0);
  return (root.own + root.reaped + children) / TICKS_PER_SECOND;
}

/** CPU seconds a PostgreSQL cluster has used so far: its postmaster (`<dataDir>/postmaster.pid`) and children. */
export function postgresCpuSeconds(dataDir: string): number {
  try {
    return processTreeCpuSeconds(Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]));
  } catch {
    return 0;
  }
}

/**
 * CPU seconds per thread name of a process (its threads' `comm`: Node's main thread is `node`, worker threads
 * and the Rust SDK core's runtime threads have names of their own).
 */
export function threadCpuSeconds(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return byName;
  }
  for (const tid of threads) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
      byName.set(name, (byName.get(name) ?? 0) + parseStat(text).own / TICKS_PER_SECOND);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return byName;
}

/** A process's parent pid (null once it is gone or without /proc). */
export function processParent(pid: number): number | null {
  return stat(pid)?.ppid ?? null;
}

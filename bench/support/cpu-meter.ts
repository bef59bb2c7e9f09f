import { postgresCpuSeconds, processCpuSeconds, threadCpuSeconds } from './process-cpu';

/** The processes a run keeps busy; `worker: 'self'` when the worker runs in the bench's own process. */
export interface CpuProbes {
  worker: number | 'self';
  temporal: number[];
  postgresDataDir: string | null;
}

export interface CpuSpent {
  /** CPU seconds per part: worker, temporal, postgres, and `bench` (this process: the Stripe simulator). */
  parts: Record<'worker' | 'temporal' | 'postgres' | 'bench', number>;
  total: number;
  /** The worker's CPU seconds per thread name, largest first. */
  workerThreads: { name: string; seconds: number }[];
}

const selfSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * CPU seconds each part of the stack spends between `start` and `stop`. Unlike wall time this hardly depends on
 * what else the machine runs, so it is the figure to compare across runs on a shared machine. With the worker in
 * this process, `bench` is 0 and the worker's share includes this process's.
 */
export function startCpuMeter(probes: CpuProbes): { stop(): CpuSpent } {
  const read = () => ({
    worker: probes.worker === 'self' ? selfSeconds() : processCpuSeconds(probes.worker),
    temporal: probes.temporal.reduce((sum, pid) => sum + processCpuSeconds(pid), 0),
    postgres: probes.postgresDataDir ? postgresCpuSeconds(probes.postgresDataDir) : 0,
    bench: probes.worker === 'self' ? 0 : selfSeconds(),
  });
  const threads = () => threadCpuSeconds(probes.worker === 'self' ? process.pid : probes.worker);
  const before = read();
  const threadsBefore = threads();
  return {
    stop() {
      const after = read();
      const parts = {
        worker: after.worker - before.worker,
        temporal: after.temporal - before.temporal,
        postgres: after.postgres - before.postgres,
        bench: after.bench - before.bench,
      };
      const workerThreads = [...threads()]
        .map(([name, seconds]) => ({ name, seconds: seconds - (threadsBefore.get(name) ?? 0) }))
        .filter((thread) => thread.seconds >= 0.05)
        .sort((a, b) => b.seconds - a.seconds);
      return { parts, total: Object.values(parts).reduce((sum, value) => sum + value, 0), workerThreads };
    },
  };
}

/** CPU seconds each named part spends between start and `stop()`, from readers of its cumulative CPU seconds. */
export function meterParts<Part extends string>(readers: Record<Part, () => number>): { stop(): Record<Part, number> } {
  const parts = Object.keys(readers) as Part[];
  const before = parts.map((part) => readers[part]());
  return {
    stop: () =>
      Object.fromEntries(parts.map((part, n) => [part, readers[part]() - before[n]!])) as Record<Part, number>,
  };
}

import cluster, { type Worker } from 'node:cluster';

export interface ApiClusterOptions {
  workers: number;
  /** Set in every worker's environment: the primary owns the database (it may have started the embedded one). */
  databaseUrl: string;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/** How long a worker may take to stop before it is killed; Heroku kills the dyno 30 s after SIGTERM. */
const STOP_GRACE_MS = 10_000;

/**
 * The primary of a multi-process API: forks `workers` copies of this entry point, which share the listening port
 * (the primary hands connections out round-robin). A worker that dies after it began listening is replaced; one
 * that dies before ever listening is a startup failure (bad configuration, an unreachable database), so the whole
 * API stops with an error instead of restarting it forever. `stop()` asks every worker to stop (SIGTERM: each
 * closes its server and connections) and resolves once all have exited.
 */
export function startApiCluster(options: ApiClusterOptions): { stop(): Promise<void>; failed: Promise<Error> } {
  let stopping = false;
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<Error>((resolve) => (fail = resolve));

  const fork = (): Worker => {
    const worker = cluster.fork({ DATABASE_URL: options.databaseUrl });
    let listening = false;
    worker.once('listening', () => {
      listening = true;
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      const how = signal ?? `code ${code}`;
      if (!listening) {
        fail(new Error(`API worker ${worker.process.pid} exited (${how}) before it was listening`));
        return;
      }
      options.log('warn', `API worker ${worker.process.pid} exited (${how}); starting a replacement`);
      fork();
    });
    return worker;
  };

  for (let n = 0; n < options.workers; n++) fork();
  options.log('info', `API cluster: ${options.workers} workers`);

  return {
    failed,
    async stop() {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => !!worker);
      await Promise.all(workers.map(stopWorker));
    },
  };
}

function stopWorker(worker: Worker): Promise<void> {
  if (worker.isDead()) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
    worker.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    worker.process.kill('SIGTERM');
  });
}

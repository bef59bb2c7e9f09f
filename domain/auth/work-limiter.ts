import { AppError } from '../errors/app-error';

/**
 * Bounds expensive work (argon2 hashing): at most `concurrency` run at once and `queue` wait; beyond that the
 * caller is told to come back instead of queueing without end, so a flood of sign-ins cannot burn every core.
 */
export function createWorkLimiter(options: { concurrency: number; queue: number }) {
  let running = 0;
  let peak = 0;
  const waiting: (() => void)[] = [];

  // A finished job hands its slot straight to the next waiter, so no newcomer can take it in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };

  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= options.concurrency) {
        if (waiting.length >= options.queue) {
          throw new AppError('unavailable', 'Too many sign-ins are being checked right now; try again in a moment');
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running += 1;
      }
      peak = Math.max(peak, running);
      try {
        return await work();
      } finally {
        release();
      }
    },
    /** The most jobs that ever ran at once (for tests and metrics). */
    get peak() {
      return peak;
    },
  };
}

export type WorkLimiter = ReturnType<typeof createWorkLimiter>;

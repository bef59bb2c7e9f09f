import argon2 from 'argon2';
import { AppError } from '../errors/app-error';
import { createWorkLimiter, type WorkLimiter } from './work-limiter';

/** One limiter for the process: argon2 is the platform's most expensive request-driven work. */
let limiter: WorkLimiter = createWorkLimiter({ concurrency: 2, queue: 32 });

/** Sets how many hashes run at once (PASSWORD_HASH_CONCURRENCY) and how many may wait; call once at start-up. */
export function limitPasswordWork(options: { concurrency: number; queue?: number }): WorkLimiter {
  limiter = createWorkLimiter({ concurrency: options.concurrency, queue: options.queue ?? 16 * options.concurrency });
  return limiter;
}

export const hashPassword = (password: string): Promise<string> =>
  limiter.run(() => argon2.hash(password, { type: argon2.argon2id }));

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Verify against a throwaway hash when the user has none, so timing does not reveal which emails exist.
  const target = hash ?? (await dummyHash);
  const matches = await limiter
    .run(() => argon2.verify(target, password))
    .catch((error: unknown) => {
      if (error instanceof AppError) throw error; // overloaded: not a wrong password
      return false; // a malformed stored hash
    });
  return hash !== null && matches;
}

const dummyHash = argon2.hash('not-a-real-password-but-same-cost', { type: argon2.argon2id });

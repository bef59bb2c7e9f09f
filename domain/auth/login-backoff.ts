import { createHash } from 'node:crypto';
import type { ScopedEm } from '../../db/scope';

/** The longest one account's sign-in ever waits: long enough to make guessing slow, short enough for its owner. */
export const MAX_LOGIN_DELAY_MS = 60_000;

/** The account an attempt aims at, as stored: a hash, so the throttle holds no email addresses. */
export const accountKey = (email: string): string =>
  createHash('sha256').update(`login:${email.trim().toLowerCase()}`).digest('hex');

/** The first wait, once the free failures are used up; each further failure doubles it. */
export const FIRST_LOGIN_DELAY_MS = 4_000;

/**
 * Progressive delay: the first `freeFailures` failures cost nothing, then each one doubles the wait (4 s, 8 s,
 * 16 s … capped at a minute). A delay, never a block, so an attacker can slow an account but not lock it.
 */
export function loginDelayMs(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(FIRST_LOGIN_DELAY_MS * 2 ** (failures - freeFailures), MAX_LOGIN_DELAY_MS);
}

/** When the account may next try, or null when it may try now. */
export async function loginRetryAt(em: ScopedEm, key: string, now = new Date()): Promise<Date | null> {
  const rows = await em.execute<{ retry_at: Date }[]>(
    'select retry_at from login_throttles where account_key = ? and retry_at > ?',
    [key, now],
  );
  return rows[0] ? new Date(rows[0].retry_at) : null;
}

/** Counts one more failure and sets the next allowed time; concurrent failures each count (one upsert). */
export async function recordLoginFailure(em: ScopedEm, key: string, freeFailures: number, now = new Date()) {
  const rows = await em.execute<{ failures: number }[]>(
    `insert into login_throttles (account_key, failures, retry_at, updated_at) values (?, 1, ?, ?)
     on conflict (account_key) do update set failures = login_throttles.failures + 1, updated_at = excluded.updated_at
     returning failures`,
    [key, now, now],
  );
  const failures = rows[0]!.failures;
  const retryAt = new Date(now.getTime() + loginDelayMs(failures, freeFailures));
  await em.execute('update login_throttles set retry_at = ? where account_key = ?', [retryAt, key]);
  return { failures, retryAt };
}

export async function clearLoginFailures(em: ScopedEm, key: string): Promise<void> {
  await em.execute('delete from login_throttles where account_key = ?', [key]);
}

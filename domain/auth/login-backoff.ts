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

/** The delay `loginDelayMs` computes, in SQL, for the row's failure count after this attempt. */
// The exponent is capped (2^16 x 4 s is far past the cap) so a long attack cannot overflow the arithmetic.
const DELAY_SQL = `(case when login_throttles.failures + 1 >= ?::int then least(?::float8 * power(2, least(login_throttles.failures + 1 - ?::int, 16)), ?::float8) else 0 end) * interval '1 millisecond'`;

/**
 * Counts one failure against the account and moves its retry time on. With `onlyWhenDue`, only while the account is
 * not waiting (the row is returned when counted); without, always.
 */
function countFailure(em: ScopedEm, key: string, freeFailures: number, now: Date, onlyWhenDue: boolean) {
  return em.execute<{ failures: number }[]>(
    `insert into login_throttles (account_key, failures, retry_at, updated_at) values (?, 1, ?, ?)
     on conflict (account_key) do update
       set failures = login_throttles.failures + 1, retry_at = ?::timestamptz + ${DELAY_SQL}, updated_at = excluded.updated_at
       ${onlyWhenDue ? 'where login_throttles.retry_at <= ?::timestamptz' : ''}
     returning failures`,
    [
      key,
      new Date(now.getTime() + loginDelayMs(1, freeFailures)),
      now,
      now,
      freeFailures,
      FIRST_LOGIN_DELAY_MS,
      freeFailures,
      MAX_LOGIN_DELAY_MS,
      ...(onlyWhenDue ? [now] : []),
    ],
  );
}

/**
 * Claims one password check for the account, or says when it may try again. The attempt is counted as a failure
 * before the password is checked (success clears it), in one statement that only proceeds while the account is
 * not waiting — so a burst of parallel guesses gets one check per delay, not one per request.
 */
export async function claimLoginAttempt(
  em: ScopedEm,
  key: string,
  freeFailures: number,
  now = new Date(),
): Promise<{ claimed: true } | { claimed: false; retryAt: Date }> {
  const claimed = await countFailure(em, key, freeFailures, now, true);
  if (claimed.length > 0) return { claimed: true };
  const rows = await em.execute<{ retry_at: Date }[]>('select retry_at from login_throttles where account_key = ?', [
    key,
  ]);
  return { claimed: false, retryAt: new Date(rows[0]?.retry_at ?? now) };
}

/** Counts a failure without claiming (a known device's wrong password still counts against the account). */
export async function recordLoginFailure(em: ScopedEm, key: string, freeFailures: number, now = new Date()) {
  await countFailure(em, key, freeFailures, now, false);
}

export async function clearLoginFailures(em: ScopedEm, key: string): Promise<void> {
  await em.execute('delete from login_throttles where account_key = ?', [key]);
}

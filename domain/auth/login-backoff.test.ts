import type { ScopedEm } from '../../db/scope';
import {
  accountKey,
  claimLoginAttempt,
  FIRST_LOGIN_DELAY_MS,
  loginDelayMs,
  MAX_LOGIN_DELAY_MS,
  recordLoginFailure,
} from './login-backoff';

describe('loginDelayMs', () => {
  it('costs nothing for the free failures, then doubles from the first delay up to the cap', () => {
    expect([0, 1, 4].map((failures) => loginDelayMs(failures, 5))).toEqual([0, 0, 0]);
    expect([5, 6, 7].map((failures) => loginDelayMs(failures, 5))).toEqual([
      FIRST_LOGIN_DELAY_MS,
      FIRST_LOGIN_DELAY_MS * 2,
      FIRST_LOGIN_DELAY_MS * 4,
    ]);
    expect(loginDelayMs(50, 5)).toBe(MAX_LOGIN_DELAY_MS);
    expect(loginDelayMs(10_000, 5)).toBe(MAX_LOGIN_DELAY_MS);
  });

  it('delays from the very first failure when no failure is free', () => {
    expect([0, 1, 2].map((failures) => loginDelayMs(failures, 0))).toEqual([
      FIRST_LOGIN_DELAY_MS,
      FIRST_LOGIN_DELAY_MS * 2,
      FIRST_LOGIN_DELAY_MS * 4,
    ]);
  });
});

describe('accountKey', () => {
  it('is the same for an address in any case or with surrounding spaces, and holds no address', () => {
    const key = accountKey('Olga@Example.test');
    expect(accountKey('  olga@example.TEST ')).toBe(key);
    expect(accountKey('olga2@example.test')).not.toBe(key);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });
});

/**
 * The statements themselves are checked against PostgreSQL in tests/login-backoff.test.ts; here a stand-in answers
 * them, for what the database cannot be made to do on cue.
 */
function fakeEm(...answers: unknown[][]) {
  const execute = jest.fn(async (_sql: string, _params?: unknown[]) => answers.shift() ?? []);
  return { em: { execute } as unknown as ScopedEm, execute };
}

describe('claimLoginAttempt', () => {
  const now = new Date('2026-05-01T12:00:00.000Z');

  it('lets the attempt through when the counting statement returns the row', async () => {
    const { em, execute } = fakeEm([{ failures: 1 }]);
    await expect(claimLoginAttempt(em, 'key-1', 3, now)).resolves.toEqual({ claimed: true });
    expect(execute).toHaveBeenCalledTimes(1);
  });

  it('says when the account may try again when the attempt was not counted', async () => {
    const retryAt = new Date(now.getTime() + 8_000);
    const { em } = fakeEm([], [{ retry_at: retryAt }]);
    await expect(claimLoginAttempt(em, 'key-1', 3, now)).resolves.toEqual({ claimed: false, retryAt });
  });

  it('says "now" when the waiting row is gone by the time it is read (a sign-in in between cleared it)', async () => {
    const { em } = fakeEm([], []);
    await expect(claimLoginAttempt(em, 'key-1', 3, now)).resolves.toEqual({ claimed: false, retryAt: now });
  });

  it('takes the current time when none is given', async () => {
    jest.useFakeTimers({ now });
    try {
      const { em } = fakeEm([], []);
      await expect(claimLoginAttempt(em, 'key-1', 3)).resolves.toEqual({ claimed: false, retryAt: now });
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('recordLoginFailure', () => {
  it('counts the failure even while the account waits, at the current time unless told otherwise', async () => {
    jest.useFakeTimers({ now: new Date('2026-05-01T12:00:00.000Z') });
    try {
      const { em, execute } = fakeEm([{ failures: 9 }]);
      await recordLoginFailure(em, 'key-1', 3);
      const [sql, params] = execute.mock.calls[0]!;
      // Unlike a claim, the count is not conditional on the account being due.
      expect(sql).not.toMatch(/where login_throttles\.retry_at/);
      expect(params).toContainEqual(new Date('2026-05-01T12:00:00.000Z'));
    } finally {
      jest.useRealTimers();
    }
  });
});

import { FIRST_LOGIN_DELAY_MS, loginDelayMs, MAX_LOGIN_DELAY_MS } from './login-backoff';

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
});

import { createOrm, type Orm } from '../db/orm';
import { inScope } from '../db/scope';
import { claimLoginAttempt, MAX_LOGIN_DELAY_MS, recordLoginFailure } from '../domain/auth/login-backoff';
import { testDatabaseUrl } from './support/harness';

describe('claiming sign-in attempts (login_throttles)', () => {
  let orm: Orm;
  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl());
  });
  afterAll(() => orm.close());
  const claim = (key: string, free: number, now = new Date()) =>
    inScope(orm, { system: 'test' }, (em) => claimLoginAttempt(em, key, free, now));

  it('grants the free attempts, then one per delay', async () => {
    const key = `claim-${Date.now()}`;
    const now = new Date();
    expect((await Promise.all([1, 2, 3].map(() => claim(key, 3, now)))).map((c) => c.claimed)).toEqual([
      true,
      true,
      true,
    ]);
    const refused = await claim(key, 3, now);
    expect(refused).toEqual({ claimed: false, retryAt: new Date(now.getTime() + 4_000) });
    expect((await claim(key, 3, new Date(now.getTime() + 4_000))).claimed).toBe(true);
    expect(await claim(key, 3, new Date(now.getTime() + 4_001))).toEqual({
      claimed: false,
      retryAt: new Date(now.getTime() + 12_000),
    });
  });

  it('stays at the cap after thousands of failures, without overflowing the arithmetic', async () => {
    const key = `long-attack-${Date.now()}`;
    await inScope(orm, { system: 'test' }, (em) =>
      em.execute(`insert into login_throttles values (?, 5000, now() - interval '1 hour', now())`, [key]),
    );
    const now = new Date();
    expect((await claim(key, 5, now)).claimed).toBe(true);
    expect(await claim(key, 5, now)).toEqual({ claimed: false, retryAt: new Date(now.getTime() + MAX_LOGIN_DELAY_MS) });
  });

  it('counts a failure recorded while the account waits, and moves its wait on', async () => {
    const key = `record-${Date.now()}`;
    const now = new Date();
    for (let i = 0; i < 3; i += 1) expect((await claim(key, 3, now)).claimed).toBe(true);
    expect(await claim(key, 3, now)).toEqual({ claimed: false, retryAt: new Date(now.getTime() + 4_000) });
    // A known device's wrong password is counted although the account is not due: the next wait doubles.
    await inScope(orm, { system: 'test' }, (em) => recordLoginFailure(em, key, 3, now));
    expect(await claim(key, 3, now)).toEqual({ claimed: false, retryAt: new Date(now.getTime() + 8_000) });
  });
});

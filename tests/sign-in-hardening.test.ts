import { Tenant } from '../db/entities';
import { inScope } from '../db/scope';
import { limitPasswordWork } from '../domain/auth/password';
import { createHarness, type Harness } from './support/harness';
import { makeTenant, makeUser, type TestUser } from './support/factories';
import { cookieHeader, cookiesFrom, type Cookies } from './support/cookies';

/** An address outside the trusted proxy hop: a client that reaches the API directly. */
const OUTSIDER = '203.0.113.7';
/** The web proxy's hop (loopback): the one peer whose X-Forwarded-For the API believes. */
const WEB_PROXY = '127.0.0.1';

describe('sign-in: real client addresses, per-account backoff, bounded password work', () => {
  let h: Harness;
  let user: TestUser;

  beforeAll(async () => {
    h = await createHarness({ loginRateLimitPerMinute: 10, loginFreeFailures: 3 });
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    user = await makeUser(h.orm, 'customer_admin', (await makeTenant(h.orm)).id);
  });

  const attempt = (
    password: string,
    options: { from?: string; forwardedFor?: string; email?: string; cookie?: string } = {},
  ) =>
    h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: options.from ?? OUTSIDER,
      headers: {
        ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
      payload: { email: options.email ?? user.email, password },
    });

  const setTenantStatus = (tenantId: string, status: Tenant['status']) =>
    inScope(h.orm, { system: 'test' }, async (em) => {
      (await em.findOneOrFail(Tenant, { id: tenantId })).status = status;
      await em.flush();
    });

  it('ignores X-Forwarded-For from a client that is not the proxy: varying it does not escape the limit', async () => {
    const from = '203.0.113.21';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const other = await makeUser(h.orm, 'customer_user', user.tenantId);
      statuses.push(
        (await attempt('wrong-password', { from, forwardedFor: `198.51.100.${i}`, email: other.email })).statusCode,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const right = await attempt(user.password, { from, forwardedFor: '192.0.2.99' });
    expect(right.statusCode).toBe(429);
  });

  it('believes the web proxy’s X-Forwarded-For, so browsers behind it do not share one limit', async () => {
    for (let i = 0; i < 10; i += 1) {
      const other = await makeUser(h.orm, 'customer_user', user.tenantId);
      await attempt('wrong-password', { from: WEB_PROXY, forwardedFor: '198.51.100.200', email: other.email });
    }
    const noisy = await attempt(user.password, { from: WEB_PROXY, forwardedFor: '198.51.100.200' });
    expect(noisy.statusCode).toBe(429);
    const neighbour = await attempt(user.password, { from: WEB_PROXY, forwardedFor: '198.51.100.201' });
    expect(neighbour.statusCode).toBe(200);
  });

  it('slows an account after repeated failures wherever they come from, and lets it in after the delay', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await attempt('wrong-password', { from: `203.0.113.${100 + i}` })).statusCode).toBe(401);
    }
    const delayed = await attempt(user.password, { from: '203.0.113.110' });
    expect(delayed.statusCode).toBe(429);
    expect(delayed.headers['content-type']).toContain('application/problem+json');
    expect(Number(delayed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(delayed.headers['retry-after'])).toBeLessThanOrEqual(4);
    await new Promise((resolve) => setTimeout(resolve, Number(delayed.headers['retry-after']) * 1_000 + 100));
    const later = await attempt(user.password, { from: '203.0.113.111' });
    expect(later.statusCode).toBe(200);
  });

  it('checks one password per delay even when guesses arrive all at once', async () => {
    for (let i = 0; i < 3; i += 1) await attempt('wrong-password', { from: `203.0.113.${170 + i}` });
    const waiting = await attempt('wrong-password', { from: '203.0.113.180' });
    expect(waiting.statusCode).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, Number(waiting.headers['retry-after']) * 1_000 + 100));
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attempt('wrong-password', { from: WEB_PROXY, forwardedFor: `198.51.100.${100 + i}` }),
      ),
    );
    const statuses = burst.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([401, ...Array(19).fill(429)]);
  });

  it('counts an IPv6 client by its /64, so rotating addresses within it does not escape the limit', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 12; i += 1) {
      const other = await makeUser(h.orm, 'customer_user', user.tenantId);
      const response = await attempt('wrong-password', {
        from: WEB_PROXY,
        forwardedFor: `2001:db8:77:2::${i.toString(16)}`,
        email: other.email,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('treats an unknown email like a real one, so the delay reveals nothing', async () => {
    const email = `nobody-${Date.now()}@example.test`;
    for (let i = 0; i < 3; i += 1) await attempt('wrong-password', { from: `203.0.113.${120 + i}`, email });
    expect((await attempt('wrong-password', { from: '203.0.113.130', email })).statusCode).toBe(429);
  });

  it('never delays the owner on a browser that signed in before, while an attacker elsewhere is slowed', async () => {
    const first = await attempt(user.password, { from: '203.0.113.140' });
    expect(first.statusCode).toBe(200);
    const device = cookiesFrom(first.headers['set-cookie']).vp_device!;
    expect(String(first.headers['set-cookie'])).toMatch(/vp_device=[^;]+;.*Path=\/api\/auth\/login;.*HttpOnly/);

    for (let i = 0; i < 6; i += 1) await attempt('wrong-password', { from: `203.0.113.${150 + i}` });
    expect((await attempt(user.password, { from: '203.0.113.160' })).statusCode).toBe(429);

    const forgedDevice = `${device.slice(0, -4)}AAAA`;
    const stranger = await attempt(user.password, { from: '203.0.113.162', cookie: `vp_device=${forgedDevice}` });
    expect(stranger.statusCode).toBe(429);
    const owner = await attempt(user.password, { from: '203.0.113.161', cookie: cookieHeader({ vp_device: device }) });
    expect(owner.statusCode).toBe(200);
  });

  it('counts wrong passwords from a known device against the account, so they slow strangers too', async () => {
    const first = await attempt(user.password, { from: '203.0.113.40' });
    expect(first.statusCode).toBe(200);
    const device = cookieHeader({ vp_device: cookiesFrom(first.headers['set-cookie']).vp_device! });
    for (let i = 0; i < 3; i += 1) {
      // The known device is never delayed, but each of its failures counts.
      expect((await attempt('wrong-password', { from: '203.0.113.41', cookie: device })).statusCode).toBe(401);
    }
    expect((await attempt(user.password, { from: '203.0.113.42' })).statusCode).toBe(429);
    expect((await attempt(user.password, { from: '203.0.113.41', cookie: device })).statusCode).toBe(200);
  });

  it('does not count a known device refused for its suspended organisation as a guess', async () => {
    const first = await attempt(user.password, { from: '203.0.113.45' });
    expect(first.statusCode).toBe(200);
    const device = cookieHeader({ vp_device: cookiesFrom(first.headers['set-cookie']).vp_device! });
    await setTenantStatus(user.tenantId!, 'suspended');
    for (let i = 0; i < 4; i += 1) {
      expect((await attempt(user.password, { from: '203.0.113.46', cookie: device })).statusCode).toBe(403);
    }
    await setTenantStatus(user.tenantId!, 'active');
    // Four refusals counted as failures would have made a stranger's browser wait by now.
    expect((await attempt(user.password, { from: '203.0.113.47' })).statusCode).toBe(200);
  });

  it('caps concurrent password hashing: a flood gets quick 503s instead of queueing without end', async () => {
    const limiter = limitPasswordWork({ concurrency: 1, queue: 2 });
    try {
      const flood = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          attempt('wrong-password', { from: `198.18.0.${i + 1}`, email: `flood-${i}@example.test` }),
        ),
      );
      const statuses = flood.map((response) => response.statusCode);
      expect(statuses.filter((status) => status === 503).length).toBeGreaterThanOrEqual(8);
      expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((status) => status === 401 || status === 503)).toBe(true);
      expect(flood.find((response) => response.statusCode === 503)!.json().code).toBe('unavailable');
      expect(limiter.peak).toBe(1);
    } finally {
      limitPasswordWork({ concurrency: 2 });
    }
  });
});

describe('CSRF tokens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  async function session() {
    const tenant = await makeTenant(h.orm);
    const user = await makeUser(h.orm, 'customer_admin', tenant.id);
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    return { cookies: cookiesFrom(response.headers['set-cookie']), user };
  }
  const patchMe = (cookies: Cookies, csrf: string, userId: string) =>
    h.app.inject({
      method: 'PATCH',
      url: `/api/tenants/${'00000000-0000-4000-8000-000000000000'}/users/${userId}`,
      headers: { cookie: cookieHeader(cookies), 'x-csrf-token': csrf },
      payload: { name: 'Renamed' },
    });

  it('answers 403, not 500, to a non-ASCII token of the cookie’s length', async () => {
    const { cookies, user } = await session();
    const sameLength = 'é'.repeat(cookies.vp_csrf!.length);
    const response = await patchMe(cookies, sameLength, user.id);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a matching cookie and header that were not issued to the signed-in user (planted pair)', async () => {
    const { cookies, user } = await session();
    const planted = 'A'.repeat(24) + '.' + 'B'.repeat(43);
    const response = await patchMe({ ...cookies, vp_csrf: planted }, planted, user.id);
    expect(response.statusCode).toBe(403);
  });

  it('refuses a planted pair on refresh too, where only the refresh cookie names the user', async () => {
    const { cookies } = await session();
    const planted = 'A'.repeat(24) + '.' + 'B'.repeat(43);
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: cookieHeader({ vp_refresh: cookies.vp_refresh!, vp_csrf: planted }), 'x-csrf-token': planted },
    });
    expect(response.statusCode).toBe(403);
    const genuine = await h.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: {
        cookie: cookieHeader({ vp_refresh: cookies.vp_refresh!, vp_csrf: cookies.vp_csrf! }),
        'x-csrf-token': cookies.vp_csrf!,
      },
    });
    expect(genuine.statusCode).toBe(200);
  });

  it('refuses another user’s genuine token', async () => {
    const mine = await session();
    const theirs = await session();
    const response = await patchMe(
      { ...mine.cookies, vp_csrf: theirs.cookies.vp_csrf! },
      theirs.cookies.vp_csrf!,
      mine.user.id,
    );
    expect(response.statusCode).toBe(403);
  });

  it('accepts the token issued with the session', async () => {
    const { cookies } = await session();
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: cookieHeader(cookies), 'x-csrf-token': cookies.vp_csrf! },
    });
    expect(response.statusCode).toBe(204);
  });
});

import { Writable } from 'node:stream';
import { loggerOptions } from '../config/logger';
import { createHarness, type Harness } from './support/harness';
import { bearerFor, makeTenant, makeUser } from './support/factories';
import { cookieHeader, cookiesFrom, type Cookies } from './support/cookies';

describe('authentication', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  async function signIn(user: { email: string; password: string }) {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(response.statusCode).toBe(200);
    return {
      body: response.json(),
      cookies: cookiesFrom(response.headers['set-cookie']),
      raw: response.headers['set-cookie'],
    };
  }

  it('signs in with cookies and a bearer token, both of which identify the user', async () => {
    const tenant = await makeTenant(h.orm);
    const user = await makeUser(h.orm, 'customer_admin', tenant.id);
    const { body, cookies, raw } = await signIn(user);

    expect(body.user).toMatchObject({ email: user.email, role: 'customer_admin', tenantId: tenant.id });
    expect(body.user.passwordHash).toBeUndefined();
    expect(Object.keys(cookies).sort()).toEqual(['vp_access', 'vp_csrf', 'vp_device', 'vp_refresh']);
    expect(String(raw)).toMatch(/vp_access=[^;]+;.*HttpOnly/);
    expect(String(raw)).toMatch(/vp_refresh=[^;]+;.*Path=\/api\/auth;.*HttpOnly;.*SameSite=Strict/);

    const viaBearer = await h.app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(viaBearer.statusCode).toBe(200);
    expect(viaBearer.json().tenant.id).toBe(tenant.id);

    const viaCookie = await h.app.inject({ url: '/api/auth/me', headers: { cookie: cookieHeader(cookies) } });
    expect(viaCookie.json().user.id).toBe(user.id);
  });

  it('rejects a wrong password and an unknown email with the same 401 problem', async () => {
    const user = await makeUser(h.orm, 'support', null);
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'nope-nope-nope' },
    });
    const unknown = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ghost@example.test', password: 'nope-nope-nope' },
    });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toBe('Email or password is incorrect');
    }
  });

  it('rotates the refresh token and revokes the whole family when an old token is reused', async () => {
    const user = await makeUser(h.orm, 'support', null);
    const first = await signIn(user);
    const refresh = (cookies: Cookies) =>
      h.app.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        headers: { cookie: cookieHeader(cookies), 'x-csrf-token': cookies.vp_csrf! },
      });

    const rotated = await refresh(first.cookies);
    expect(rotated.statusCode).toBe(200);
    const second = { ...first.cookies, ...cookiesFrom(rotated.headers['set-cookie']) };
    expect(second.vp_refresh).not.toBe(first.cookies.vp_refresh);
    expect(rotated.json().accessToken).toEqual(expect.any(String));

    const reuse = await refresh({ ...first.cookies, vp_csrf: second.vp_csrf! });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().detail).toMatch(/used twice/);

    // The legitimate newer token is revoked too: the family is burnt.
    const afterReuse = await refresh(second);
    expect(afterReuse.statusCode).toBe(401);
  });

  it('logs out: the refresh token stops working and cookies are cleared', async () => {
    const user = await makeUser(h.orm, 'support', null);
    const { cookies } = await signIn(user);
    const headers = { cookie: cookieHeader(cookies), 'x-csrf-token': cookies.vp_csrf! };
    const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/vp_refresh=;/);
    const refresh = await h.app.inject({ method: 'POST', url: '/api/auth/refresh', headers });
    expect(refresh.statusCode).toBe(401);
  });

  it('refuses every token of a deactivated user within a second', async () => {
    const tenant = await makeTenant(h.orm);
    const admin = await makeUser(h.orm, 'customer_admin', tenant.id);
    const member = await makeUser(h.orm, 'customer_user', tenant.id);
    const adminAuth = await bearerFor(h.app, admin);
    const memberAuth = await bearerFor(h.app, member);
    expect((await h.app.inject({ url: '/api/auth/me', headers: memberAuth })).statusCode).toBe(200);

    const deactivated = await h.app.inject({
      method: 'PATCH',
      url: `/api/tenants/${tenant.id}/users/${member.id}`,
      headers: adminAuth,
      payload: { isActive: false },
    });
    expect(deactivated.statusCode).toBe(200);
    const at = Date.now();
    const after = await h.app.inject({ url: '/api/auth/me', headers: memberAuth });
    expect(after.statusCode).toBe(401);
    expect(Date.now() - at).toBeLessThan(1000);
    const relogin = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: member.email, password: member.password },
    });
    expect(relogin.statusCode).toBe(401);
  });

  it('requires the CSRF header for cookie-authenticated changes but not for bearer clients', async () => {
    const tenant = await makeTenant(h.orm);
    const admin = await makeUser(h.orm, 'customer_admin', tenant.id);
    const member = await makeUser(h.orm, 'customer_user', tenant.id);
    const { cookies, body } = await signIn(admin);
    const url = `/api/tenants/${tenant.id}/users/${member.id}`;

    const withoutHeader = await h.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: cookieHeader(cookies) },
      payload: { name: 'X' },
    });
    expect(withoutHeader.statusCode).toBe(403);
    expect(withoutHeader.json().detail).toMatch(/x-csrf-token/);

    const withHeader = await h.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: cookieHeader(cookies), 'x-csrf-token': cookies.vp_csrf! },
      payload: { name: 'Renamed' },
    });
    expect(withHeader.statusCode).toBe(200);

    const bearer = await h.app.inject({
      method: 'PATCH',
      url,
      headers: { authorization: `Bearer ${body.accessToken}` },
      payload: { name: 'Again' },
    });
    expect(bearer.statusCode).toBe(200);
  });

  it('rejects a tampered bearer token', async () => {
    const user = await makeUser(h.orm, 'support', null);
    const { authorization } = await bearerFor(h.app, user);
    const tampered = `${authorization.slice(0, -3)}abc`;
    const response = await h.app.inject({ url: '/api/auth/me', headers: { authorization: tampered } });
    expect(response.statusCode).toBe(401);
  });
});

describe('login rate limit and log redaction', () => {
  let h: Harness;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    h = await createHarness({ loginRateLimitPerMinute: 3, logger: loggerOptions('info', { stream }) });
  });
  afterAll(() => h.close());

  it('answers 429 problem+json after too many attempts from one address', async () => {
    const attempt = () =>
      h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '192.0.2.50',
        payload: { email: 'victim@example.test', password: 'guess-guess-1' },
      });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt();
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json().code).toBe('rate_limited');
  });

  it('never writes passwords, tokens or cookies to the log', async () => {
    const user = await makeUser(h.orm, 'support', null);
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    const token = login.json().accessToken as string;
    await h.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    await h.app.inject({ url: '/api/auth/verify?token=abcdefghijklmnopqrstuvwxyz0123456789' });
    const log = lines.join('\n');
    expect(log).toContain('/api/auth/me');
    expect(log).not.toContain(token);
    expect(log).not.toContain(user.password);
    expect(log).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
  });
});

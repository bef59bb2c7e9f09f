import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { AuditLog, EmailOutbox, RefreshSession, Tenant, User } from '../db/entities';
import { inScope } from '../db/scope';
import { oidcCallbackUrl } from '../domain/auth/oidc/oidc-relying-party';
import { onboardingWorkflowId } from '../domain/tenants/onboarding-steps';
import { platformWorkflows } from './support/workflow-bundle';
import { PREVERIFIED_EMAIL_PATCH } from '../workflows/tenant-onboarding';
import { cookieHeader, cookiesFrom } from './support/cookies';
import { eventually } from './support/eventually';
import { bearerFor, makeTenant, makeUser } from './support/factories';
import { createHarness, type Harness } from './support/harness';
import { signInAtProvider } from './support/oidc-browserless';
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider';

const PUBLIC_BASE_URL = 'http://localhost:3000';
const CALLBACK = oidcCallbackUrl(PUBLIC_BASE_URL);
/**
 * The onboarding of an organisation founded through the provider (started verified, no mail); re-record with
 * RECORD_HISTORIES=1 (and `-t 'creates a new organisation'`) only for an intended, versioned change of the workflow.
 */
const FIXTURE = path.join(__dirname, 'fixtures', 'tenant-onboarding-identity-provider.history.bin');

const encoded = (history: temporal.api.history.v1.IHistory) =>
  Buffer.from(temporal.api.history.v1.History.encode(history).finish());
const activitiesIn = (history: temporal.api.history.v1.IHistory) =>
  (history.events ?? []).flatMap((event) => event.activityTaskScheduledEventAttributes?.activityType?.name ?? []);

/**
 * Sign-in with OpenID Connect against a real provider (oidc-provider on a loopback port): authorization code with
 * PKCE, state and nonce, the ID token checked by openid-client, then the platform's own session.
 */
describe('sign-in with OpenID Connect', () => {
  let provider: TestOidcProvider;
  let h: Harness;

  beforeAll(async () => {
    provider = await startOidcProvider({ redirectUri: CALLBACK });
    h = await createHarness({ worker: true, oidc: provider.client, publicBaseUrl: PUBLIC_BASE_URL });
  });
  afterAll(async () => {
    await h?.close();
    await provider?.close();
  });

  const account = (email: string, emailVerified = true) => {
    const id = `acct-${randomUUID().slice(0, 8)}`;
    provider.addAccount(id, { email, email_verified: emailVerified, name: 'Olga Owner' });
    return id;
  };

  /** "Sign in with …": the API's redirect to the provider and the flow cookie it set. */
  async function start() {
    const response = await h.app.inject({ url: '/api/auth/oidc/start' });
    expect(response.statusCode).toBe(302);
    const flow = cookiesFrom(response.headers['set-cookie']).vp_oidc_flow!;
    expect(String(response.headers['set-cookie'])).toMatch(/vp_oidc_flow=[^;]+;.*Path=\/api\/auth\/oidc;.*HttpOnly/);
    return { location: new URL(String(response.headers.location)), flow };
  }

  const callback = (search: string, flow?: string) =>
    h.app.inject({
      url: `/api/auth/oidc/callback${search}`,
      headers: flow === undefined ? {} : { cookie: `vp_oidc_flow=${flow}` },
    });

  /** The whole round trip for one provider account; returns the callback's answer. */
  async function signInAs(accountId: string) {
    const { location, flow } = await start();
    const back = await signInAtProvider(location.href, accountId, CALLBACK);
    return callback(back.search, flow);
  }

  const loginError = (response: { statusCode: number; headers: Record<string, unknown> }) => {
    expect(response.statusCode).toBe(302);
    const location = new URL(String(response.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(`${PUBLIC_BASE_URL}/login`);
    return location.searchParams.get('error');
  };

  const sessionCookiesOf = (response: { headers: Record<string, unknown> }) =>
    cookiesFrom(response.headers['set-cookie'] as string[] | undefined);

  const me = (cookies: Record<string, string>) =>
    h.app.inject({ url: '/api/auth/me', headers: { cookie: cookieHeader(cookies) } });

  it('says it is offered, under the configured name', async () => {
    const response = await h.app.inject({ url: '/api/auth/oidc/config' });
    expect(response.json()).toEqual({ enabled: true, displayName: 'Test Identity' });
  });

  it('sends the browser to the provider with PKCE S256, state and nonce', async () => {
    const { location, flow } = await start();
    expect(`${location.origin}${location.pathname}`).toBe(`${provider.issuer}/auth`);
    const params = location.searchParams;
    expect(params.get('client_id')).toBe(provider.client.clientId);
    expect(params.get('redirect_uri')).toBe(CALLBACK);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('scope')).toBe('openid email profile');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/);
    // The verifier stays with the browser's sealed cookie, never in the URL.
    expect(location.href).not.toContain('code_verifier');
    expect(flow).toMatch(/^[\w-]+\.[\w-]{43}$/);
  });

  it('signs an existing user in by their verified email, in any case, like a password sign-in', async () => {
    const tenant = await makeTenant(h.orm);
    const user = await makeUser(h.orm, 'customer_user', tenant.id);
    const response = await signInAs(account(user.email.toUpperCase()));

    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`${PUBLIC_BASE_URL}/portal`);
    const cookies = sessionCookiesOf(response);
    expect(Object.keys(cookies)).toEqual(
      expect.arrayContaining(['vp_access', 'vp_refresh', 'vp_csrf', 'vp_device', 'vp_oidc_flow']),
    );
    expect(cookies.vp_oidc_flow).toBe(''); // spent
    const signedIn = await me(cookies);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ user: { id: user.id, role: 'customer_user' }, tenant: { id: tenant.id } });

    // The refresh cookie works like one from a password sign-in.
    const refreshed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: cookieHeader(cookies), 'x-csrf-token': cookies.vp_csrf! },
    });
    expect(refreshed.statusCode).toBe(200);

    const { row, audits, tenants } = await inScope(h.orm, { system: 'test' }, async (em) => ({
      row: await em.findOneOrFail(User, { id: user.id }),
      audits: await em.find(AuditLog, { targetId: user.id, action: 'user.signed_in' }),
      tenants: await em.count(Tenant, { contactEmail: user.email }),
    }));
    expect(row.lastLoginAt).not.toBeNull();
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ method: 'oidc', issuer: provider.issuer });
    expect(tenants).toBe(0);
  });

  it('creates a new organisation with the person as its customer_admin, active without a verification mail', async () => {
    const email = `founder-${randomUUID().slice(0, 8)}@example.test`;
    const response = await signInAs(account(email));
    expect(response.headers.location).toBe(`${PUBLIC_BASE_URL}/portal`);
    const cookies = sessionCookiesOf(response);

    const signedIn = (await me(cookies)).json();
    expect(signedIn.user).toMatchObject({ email, name: 'Olga Owner', role: 'customer_admin' });
    const tenantId: string = signedIn.user.tenantId;
    expect(signedIn.tenant).toMatchObject({ id: tenantId, name: 'Olga Owner’s organisation' });

    const tenant = await eventually(
      () => inScope(h.orm, { system: 'test' }, (em) => em.findOneOrFail(Tenant, { id: tenantId })),
      (row) => row.status === 'active',
      { what: 'the new organisation to be activated by its onboarding run' },
    );
    expect(tenant.verifiedAt).not.toBeNull();

    // The provider verified the address: the run started verified, so it mailed nothing and went on to activation.
    const handle = h.client.workflow.getHandle(onboardingWorkflowId(tenantId));
    await expect(handle.result()).resolves.toBe('active');
    const history = await handle.fetchHistory();
    expect(activitiesIn(history)).toEqual([
      'recordOnboardingStep',
      'createBillingAccount',
      'recordOnboardingStep',
      'startDefaultPlan',
      'recordOnboardingStep',
      'activateTenant',
    ]);
    expect(h.mails.filter((mail) => mail.to === email)).toEqual([]);
    const { user, actions, outbox, step } = await inScope(h.orm, { system: 'test' }, async (em) => ({
      user: await em.findOneOrFail(User, { email }),
      actions: (await em.find(AuditLog, { tenantId }, { orderBy: { createdAt: 'asc' } })).map((a) => a.action),
      outbox: await em.count(EmailOutbox, { $or: [{ tenantId }, { toAddress: email }] }),
      step: (await em.findOneOrFail(Tenant, { id: tenantId }, { refresh: true })).onboardingStep,
    }));
    expect({ outbox, step }).toEqual({ outbox: 0, step: 'active' });
    expect(encoded(history).includes(PREVERIFIED_EMAIL_PATCH)).toBe(true);
    if (process.env.RECORD_HISTORIES) writeFileSync(FIXTURE, encoded(history));
    await expect(
      Worker.runReplayHistory(platformWorkflows(), history, onboardingWorkflowId(tenantId)),
    ).resolves.toBeUndefined();

    expect(user.passwordHash).toBeNull();
    expect(actions).toEqual(
      expect.arrayContaining(['tenant.registered', 'tenant.email_verified_by_identity_provider', 'user.signed_in']),
    );

    // A second sign-in finds the same account instead of founding another organisation.
    const again = await signInAs(account(email));
    expect((await me(sessionCookiesOf(again))).json().user.id).toBe(user.id);
    await expect(inScope(h.orm, { system: 'test' }, (em) => em.count(Tenant, { contactEmail: email }))).resolves.toBe(
      1,
    );
  });

  it('keeps the new organisation apart from every other tenant', async () => {
    const other = await makeTenant(h.orm);
    const otherAdmin = await makeUser(h.orm, 'customer_admin', other.id);
    const cookies = sessionCookiesOf(await signInAs(account(`solo-${randomUUID().slice(0, 8)}@example.test`)));
    const mine = (await me(cookies)).json();
    const headers = { cookie: cookieHeader(cookies) };

    expect((await h.app.inject({ url: `/api/tenants/${other.id}`, headers })).statusCode).toBe(404);
    expect((await h.app.inject({ url: `/api/tenants/${other.id}/users`, headers })).statusCode).toBe(404);
    const users = (await h.app.inject({ url: `/api/tenants/${mine.user.tenantId}/users`, headers })).json();
    expect(users.items.map((u: { email: string }) => u.email)).toEqual([mine.user.email]);
    // And the other tenant's admin does not see the newcomer.
    const theirs = await bearerFor(h.app, otherAdmin);
    expect((await h.app.inject({ url: `/api/tenants/${mine.user.tenantId}`, headers: theirs })).statusCode).toBe(404);
  });

  it('refuses an address the provider has not verified, and creates nothing', async () => {
    const email = `unverified-${randomUUID().slice(0, 8)}@example.test`;
    const response = await signInAs(account(email, false));
    expect(loginError(response)).toBe('oidc_email_not_verified');
    expect(Object.keys(sessionCookiesOf(response))).toEqual(['vp_oidc_flow']);
    await expect(inScope(h.orm, { system: 'test' }, (em) => em.count(User, { email }))).resolves.toBe(0);
  });

  it('refuses a tampered state, a flow cookie from elsewhere, an altered one and a missing one', async () => {
    const tenant = await makeTenant(h.orm);
    const user = await makeUser(h.orm, 'customer_admin', tenant.id);
    const sessionsBefore = await inScope(h.orm, { system: 'test' }, (em) =>
      em.count(RefreshSession, { userId: user.id }),
    );

    const { location, flow } = await start();
    const back = await signInAtProvider(location.href, account(user.email), CALLBACK);
    const tampered = new URLSearchParams(back.search);
    tampered.set('state', `${tampered.get('state')}x`);
    expect(loginError(await callback(`?${tampered}`, flow))).toBe('oidc_expired');

    const [payload, signature] = flow.split('.');
    const altered = `${Buffer.from(JSON.stringify({ state: 'a', nonce: 'b', codeVerifier: 'c', exp: Date.now() + 60_000 })).toString('base64url')}.${signature}`;
    expect(payload).not.toBe(altered.split('.')[0]);
    expect(loginError(await callback(back.search, altered))).toBe('oidc_expired');
    expect(loginError(await callback(back.search))).toBe('oidc_expired');
    // Another browser's (valid) flow does not fit this response either.
    expect(loginError(await callback(back.search, (await start()).flow))).toBe('oidc_expired');

    const sessionsAfter = await inScope(h.orm, { system: 'test' }, (em) =>
      em.count(RefreshSession, { userId: user.id }),
    );
    expect(sessionsAfter).toBe(sessionsBefore);
    // The untouched response still works once, with its own flow.
    expect((await callback(back.search, flow)).headers.location).toBe(`${PUBLIC_BASE_URL}/portal`);
    // The code is spent: the provider refuses a replay.
    expect(loginError(await callback(back.search, flow))).toBe('oidc_failed');
  });

  it('refuses a deactivated user and a suspended organisation like a password sign-in does', async () => {
    const suspended = await makeTenant(h.orm, { status: 'suspended' });
    const member = await makeUser(h.orm, 'customer_user', suspended.id);
    expect(loginError(await signInAs(account(member.email)))).toBe('oidc_organisation_closed');

    const tenant = await makeTenant(h.orm);
    const leaver = await makeUser(h.orm, 'customer_user', tenant.id);
    await inScope(h.orm, { system: 'test' }, async (em) => {
      (await em.findOneOrFail(User, { id: leaver.id })).isActive = false;
      await em.flush();
    });
    expect(loginError(await signInAs(account(leaver.email)))).toBe('oidc_account_deactivated');
  });

  it('tells a person who cancelled at the provider so, on the sign-in page', async () => {
    const { location, flow } = await start();
    const cancelled = `?error=access_denied&state=${location.searchParams.get('state')}&iss=${encodeURIComponent(provider.issuer)}`;
    expect(loginError(await callback(cancelled, flow))).toBe('oidc_cancelled');
  });
});

describe('onboarding replay of the committed identity-provider history', () => {
  it('replays the run of an organisation founded through the provider, which sent no verification mail', async () => {
    expect(existsSync(FIXTURE)).toBe(true);
    const history = temporal.api.history.v1.History.decode(readFileSync(FIXTURE));
    expect(activitiesIn(history)).not.toContain('sendVerificationEmail');
    expect(encoded(history).includes(PREVERIFIED_EMAIL_PATCH)).toBe(true);
    await expect(Worker.runReplayHistory(platformWorkflows(), history)).resolves.toBeUndefined();
  });
});

describe('sign-in with OpenID Connect, not configured or unreachable', () => {
  it('is not offered without configuration, and its routes lead back to the sign-in page', async () => {
    const h = await createHarness();
    try {
      expect((await h.app.inject({ url: '/api/auth/oidc/config' })).json()).toEqual({
        enabled: false,
        displayName: null,
      });
      const start = await h.app.inject({ url: '/api/auth/oidc/start' });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toBe('http://localhost:3000/login?error=oidc_not_configured');
    } finally {
      await h.close();
    }
  });

  it('sends the browser back with "unavailable" when the provider cannot be reached', async () => {
    const h = await createHarness({
      oidc: { issuerUrl: 'http://127.0.0.1:9', clientId: 'x', clientSecret: 'y', displayName: 'Nowhere' },
    });
    try {
      const start = await h.app.inject({ url: '/api/auth/oidc/start' });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toBe('http://localhost:3000/login?error=oidc_unavailable');
      expect(start.headers['set-cookie']).toBeUndefined();
    } finally {
      await h.close();
    }
  });
});

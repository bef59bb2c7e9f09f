import type { OrganizationAnalytics, PlatformStats } from '../../contracts/analytics';
import type { Actor } from '../../domain/auth/actor';
import { platformStats } from '../../domain/conversations/platform-stats';
import { bearerFor, makeTenant, makeUser, makeWorld, subscribeTenant } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';
import { makeAgent, makeCall, makeIntegration } from './call-log-fixtures';

type Headers = { authorization: string };
const at = (iso: string) => new Date(iso);

/** `GET /api/analytics/organization` and `/platform`, computed from call logs written here. */
describe('call analytics API', () => {
  let h: Harness;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let agents: { frontDesk: string; bookings: string };

  beforeAll(async () => {
    h = await createHarness();
    world = await makeWorld(h.orm, h.app);
    const tenantId = world.tenant.id;
    // Starter: 100 minutes included, then 9 cents (9,000 millicents) a minute.
    await subscribeTenant(h.orm, tenantId, 'starter');
    const integration = await makeIntegration(h.orm, tenantId);
    agents = {
      frontDesk: (await makeAgent(h.orm, tenantId, integration.id, 'Front desk')).id,
      bookings: (await makeAgent(h.orm, tenantId, integration.id, 'Bookings')).id,
    };
    const calls = [
      // 1 April: three Front desk calls.
      { agentId: agents.frontDesk, startedAt: at('2025-04-01T08:00:00Z'), durationSeconds: 60, costUsd: 0.1 },
      { agentId: agents.frontDesk, startedAt: at('2025-04-01T09:00:00Z'), durationSeconds: 120, costUsd: 0.1 },
      {
        agentId: agents.frontDesk,
        startedAt: at('2025-04-01T23:59:59Z'),
        durationSeconds: 180,
        costUsd: 0.1,
        outcome: 'failure' as const,
      },
      // 2 April: two more and a call nobody answered.
      { agentId: agents.frontDesk, startedAt: at('2025-04-02T00:00:00Z'), durationSeconds: 240, costUsd: 0.1 },
      {
        agentId: agents.frontDesk,
        startedAt: at('2025-04-02T10:00:00Z'),
        durationSeconds: 3000,
        costUsd: 0.1,
        outcome: 'unknown' as const,
      },
      {
        agentId: agents.bookings,
        startedAt: at('2025-04-02T11:00:00Z'),
        durationSeconds: 0,
        status: 'no-answer' as const,
        outcome: 'unknown' as const,
      },
      // 3 April: Bookings, and a call of an agent removed since.
      { agentId: agents.bookings, startedAt: at('2025-04-03T09:00:00Z'), durationSeconds: 30, costUsd: 0.0049 },
      { agentId: agents.bookings, startedAt: at('2025-04-03T10:00:00Z'), durationSeconds: 6000, costUsd: 1.005 },
      { agentId: null, startedAt: at('2025-04-03T11:00:00Z'), durationSeconds: 90, outcome: 'failure' as const },
    ];
    for (const call of calls) await makeCall(h.orm, tenantId, call);
    // Outside the range, another provider, another tenant: none of them counts.
    await makeCall(h.orm, tenantId, { startedAt: at('2025-03-31T23:59:59Z'), durationSeconds: 500, costUsd: 9 });
    await makeCall(h.orm, tenantId, {
      provider: 'twilio',
      startedAt: at('2025-04-02T12:00:00Z'),
      durationSeconds: 500,
    });
    const stranger = await makeTenant(h.orm);
    await makeCall(h.orm, stranger.id, { startedAt: at('2025-04-02T12:00:00Z'), durationSeconds: 500, costUsd: 9 });
  });
  afterAll(() => h.close());

  const organization = (headers: Headers, query: string) =>
    h.app.inject({ url: `/api/analytics/organization${query}`, headers });

  it('adds up calls, minutes, success and the estimated cost: ElevenLabs’ plus the platform’s minutes', async () => {
    const response = await organization(world.headers.customer_user, '?from=2025-04-01&to=2025-04-03');
    expect(response.statusCode).toBe(200);
    const analytics = response.json<OrganizationAnalytics>();
    expect(analytics.range).toEqual({ from: '2025-04-01', to: '2025-04-03' });
    expect(analytics.totals).toEqual({
      calls: 9,
      durationSeconds: 9720,
      minutes: 162,
      // 1+2+3+4+50 + 0+1+100 + 2 started minutes.
      billableMinutes: 163,
      // 5 successes among 7 evaluated calls (2 unknown are not judged).
      successRate: 5 / 7,
      elevenLabsCostUsd: 1.5099,
      // 63 minutes beyond the 100 included, at 9 cents.
      platformPrice: { plan: 'Starter', currency: 'eur', cents: 567, includedMinutes: 100 },
      estimatedCost: [
        { currency: 'usd', cents: 151 },
        { currency: 'eur', cents: 567 },
      ],
    });
    expect(analytics.daily).toEqual([
      { day: '2025-04-01', calls: 3, minutes: 6 },
      { day: '2025-04-02', calls: 3, minutes: 54 },
      { day: '2025-04-03', calls: 3, minutes: 102 },
    ]);
  });

  it('gives each agent its volume, success rate and duration percentiles over the calls that connected', async () => {
    const { agents: rows } = (
      await organization(world.headers.customer_admin, '?from=2025-04-01&to=2025-04-03')
    ).json<OrganizationAnalytics>();
    expect(rows).toEqual([
      {
        agentId: agents.frontDesk,
        agentName: 'Front desk',
        calls: 5,
        durationSeconds: 3600,
        minutes: 60,
        successRate: 3 / 4,
        // 60, 120, 180, 240, 3000 s interpolated: p90 = 240 + 0.6 × 2760.
        duration: { p50: 180, p90: 1896, p99: 2889.6 },
      },
      {
        agentId: agents.bookings,
        agentName: 'Bookings',
        calls: 3,
        durationSeconds: 6030,
        minutes: 100.5,
        successRate: 1,
        // The unanswered call (0 s) is left out: 30 and 6000 s.
        duration: { p50: 3015, p90: 5403, p99: 5940.3 },
      },
      {
        agentId: null,
        agentName: null,
        calls: 1,
        durationSeconds: 90,
        minutes: 1.5,
        successRate: 0,
        duration: { p50: 90, p90: 90, p99: 90 },
      },
    ]);
  });

  it('covers the 30 days up to today by default, every day present, and leaves the platform price out without a plan', async () => {
    const tenant = await makeTenant(h.orm);
    const headers = await bearerFor(h.app, await makeUser(h.orm, 'customer_user', tenant.id));
    await makeCall(h.orm, tenant.id, { startedAt: new Date(), durationSeconds: 61, costUsd: 0.25 });
    const analytics = (await organization(headers, '')).json<OrganizationAnalytics>();
    const today = new Date().toISOString().slice(0, 10);
    expect(analytics.range.to).toBe(today);
    expect(analytics.daily).toHaveLength(30);
    expect(analytics.daily[0]!.day).toBe(analytics.range.from);
    expect(analytics.daily.at(-1)).toEqual({ day: today, calls: 1, minutes: 1.02 });
    expect(analytics.totals).toMatchObject({
      calls: 1,
      billableMinutes: 2,
      platformPrice: null,
      estimatedCost: [{ currency: 'usd', cents: 25 }],
    });
  });

  it('answers 400 to ranges it cannot take and keeps other tenants out', async () => {
    for (const query of [
      '?from=2025-04-03&to=2025-04-01',
      '?from=2020-01-01&to=2025-01-01',
      '?from=2025-13-01',
      '?days=7',
    ]) {
      const response = await organization(world.headers.customer_admin, query);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const stranger = await bearerFor(h.app, await makeUser(h.orm, 'customer_admin', (await makeTenant(h.orm)).id));
    expect((await organization(stranger, `?tenantId=${world.tenant.id}`)).statusCode).toBe(404);
    // Staff name the tenant.
    expect((await organization(world.headers.support, '')).statusCode).toBe(400);
    const staff = await organization(
      world.headers.support,
      `?tenantId=${world.tenant.id}&from=2025-04-01&to=2025-04-03`,
    );
    expect(staff.json<OrganizationAnalytics>().totals.calls).toBe(9);
  });

  it('shows platform stats to staff only', async () => {
    for (const role of ['customer_admin', 'customer_user'] as const) {
      expect((await h.app.inject({ url: '/api/analytics/platform', headers: world.headers[role] })).statusCode).toBe(
        403,
      );
    }
    for (const role of ['platform_admin', 'support'] as const) {
      const response = await h.app.inject({ url: '/api/analytics/platform', headers: world.headers[role] });
      expect(response.statusCode).toBe(200);
      const stats = response.json<PlatformStats>();
      expect(stats.daily).toHaveLength(30);
      expect(stats.activeTenants).toBeGreaterThanOrEqual(1);
      expect(stats.agentsMonitored).toBeGreaterThanOrEqual(2);
      expect(stats.last30Days.calls).toBeGreaterThanOrEqual(stats.today.calls);
    }
  });

  it('counts across tenants: active integrations, calls today and in 30 days, busiest tenants first', async () => {
    // A day of the past no other suite writes calls on, so the numbers are exactly these tenants'.
    const now = at('2019-06-15T12:00:00Z');
    const busy = await makeTenant(h.orm, { name: 'Busy Hotels' });
    const quiet = await makeTenant(h.orm, { name: 'Quiet Inn' });
    await makeIntegration(h.orm, busy.id, 'active');
    await makeIntegration(h.orm, quiet.id, 'error');
    for (const [hour, outcome] of [
      [8, 'success'],
      [9, 'failure'],
    ] as const) {
      await makeCall(h.orm, busy.id, { startedAt: at(`2019-06-15T0${hour}:00:00Z`), durationSeconds: 120, outcome });
    }
    await makeCall(h.orm, busy.id, { startedAt: at('2019-05-17T00:00:00Z'), durationSeconds: 60, costUsd: 0.5 });
    await makeCall(h.orm, quiet.id, { startedAt: at('2019-06-01T00:00:00Z'), durationSeconds: 30, costUsd: 0.25 });
    // 30 days means from 17 May: a call on the 16th is outside.
    await makeCall(h.orm, quiet.id, { startedAt: at('2019-05-16T23:59:59Z'), durationSeconds: 30 });

    const actor: Actor = { userId: world.users.support.id, role: 'support', tenantId: null };
    const stats = await platformStats({ orm: h.orm }, { actor, now });
    expect(stats.today).toEqual({ calls: 2, durationSeconds: 240, minutes: 4, successRate: 0.5 });
    expect(stats.last30Days).toEqual({
      calls: 4,
      durationSeconds: 330,
      minutes: 5.5,
      successRate: 3 / 4,
      elevenLabsCostUsd: 0.75,
    });
    expect(stats.daily[0]).toEqual({ day: '2019-05-17', calls: 1, minutes: 1 });
    expect(stats.daily.at(-1)).toEqual({ day: '2019-06-15', calls: 2, minutes: 4 });
    expect(stats.topTenants.map((tenant) => [tenant.tenantName, tenant.calls])).toEqual([
      ['Busy Hotels', 3],
      ['Quiet Inn', 1],
    ]);
  });
});

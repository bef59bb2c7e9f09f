import type { CallLogDetail, CallLogPage, CallLogView } from '../../contracts/call-logs';
import { CallLog, type Tenant } from '../../db/entities';
import { inScope } from '../../db/scope';
import { bearerFor, makeTenant, makeUser, makeWorld } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';
import { makeAgent, makeCall, makeIntegration } from './call-log-fixtures';

type Headers = { authorization: string };
const at = (iso: string) => new Date(iso);

/** `GET /api/call-logs` and `/api/call-logs/:id`: the call history of a tenant's monitored ElevenLabs agents. */
describe('call history API', () => {
  let h: Harness;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let tenant: Tenant;
  let other: { tenant: Tenant; headers: Headers };
  let agents: { frontDesk: string; bookings: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await createHarness();
    world = await makeWorld(h.orm, h.app);
    tenant = world.tenant;
    const integration = await makeIntegration(h.orm, tenant.id);
    agents = {
      frontDesk: (await makeAgent(h.orm, tenant.id, integration.id, 'Front desk')).id,
      bookings: (await makeAgent(h.orm, tenant.id, integration.id, 'Bookings')).id,
    };
    const calls = {
      refund: {
        agentId: agents.frontDesk,
        startedAt: at('2025-03-01T09:00:00Z'),
        durationSeconds: 30,
        outcome: 'failure' as const,
        transcript: [
          { speaker: 'agent' as const, text: 'Hello, front desk.', atSeconds: 0 },
          { speaker: 'user' as const, text: 'I want a REFUND for 100% of it', atSeconds: 2.5 },
        ],
      },
      booking: {
        agentId: agents.bookings,
        startedAt: at('2025-03-02T10:00:00Z'),
        durationSeconds: 240,
        transcript: [{ speaker: 'user' as const, text: 'Book room_12 for two nights', atSeconds: 1 }],
      },
      noAnswer: {
        agentId: agents.bookings,
        startedAt: at('2025-03-02T23:59:59Z'),
        durationSeconds: 0,
        status: 'no-answer' as const,
        outcome: 'unknown' as const,
      },
      // Two calls at the same instant: the id orders them, and paging must neither repeat nor skip one.
      twinA: { agentId: agents.frontDesk, startedAt: at('2025-03-03T08:00:00Z'), durationSeconds: 90 },
      twinB: { agentId: agents.frontDesk, startedAt: at('2025-03-03T08:00:00Z'), durationSeconds: 95 },
      late: { agentId: agents.frontDesk, startedAt: at('2025-03-04T12:00:00Z'), durationSeconds: 600 },
      running: {
        agentId: agents.bookings,
        startedAt: at('2025-03-05T07:30:00Z'),
        durationSeconds: null,
        status: 'in-progress' as const,
        outcome: null,
      },
    };
    for (const [name, input] of Object.entries(calls)) ids[name] = (await makeCall(h.orm, tenant.id, input)).id;
    // A telephony call of the same tenant is not part of the ElevenLabs history.
    ids.telephony = (
      await makeCall(h.orm, tenant.id, { provider: 'twilio', startedAt: at('2025-03-03T09:00:00Z') })
    ).id;

    const otherTenant = await makeTenant(h.orm);
    const otherUser = await makeUser(h.orm, 'customer_admin', otherTenant.id);
    other = { tenant: otherTenant, headers: await bearerFor(h.app, otherUser) };
    ids.otherTenants = (
      await makeCall(h.orm, otherTenant.id, {
        startedAt: at('2025-03-03T10:00:00Z'),
        transcript: [{ speaker: 'user', text: 'a REFUND please', atSeconds: 1 }],
      })
    ).id;
  });
  afterAll(() => h.close());

  const list = (headers: Headers, query = '') => h.app.inject({ url: `/api/call-logs${query}`, headers });
  const idsOf = (page: CallLogPage) => page.items.map((item) => item.id);
  const listed = async (query: string, headers: Headers = world.headers.customer_admin) => {
    const response = await list(headers, query);
    expect(response.statusCode).toBe(200);
    return idsOf(response.json<CallLogPage>());
  };
  const newestFirst = () => {
    const [twinLow, twinHigh] = [ids.twinA!, ids.twinB!].sort();
    return [ids.running, ids.late, twinHigh, twinLow, ids.noAnswer, ids.booking, ids.refund];
  };

  it('lists the tenant’s ElevenLabs calls newest first, with their agent', async () => {
    const response = await list(world.headers.customer_user, '?limit=100');
    expect(response.statusCode).toBe(200);
    const page = response.json<CallLogPage>();
    expect(idsOf(page)).toEqual(newestFirst());
    expect(page.nextCursor).toBeNull();
    expect(page.items.find((item) => item.id === ids.booking)).toEqual<CallLogView>({
      id: ids.booking!,
      tenantId: tenant.id,
      agentId: agents.bookings,
      agentName: 'Bookings',
      conversationId: expect.stringMatching(/^conv_/),
      status: 'completed',
      outcome: 'success',
      direction: 'inbound',
      title: null,
      startedAt: '2025-03-02T10:00:00.000Z',
      endedAt: '2025-03-02T10:04:00.000Z',
      durationSeconds: 240,
      costUsd: null,
      language: null,
      fromNumber: null,
      toNumber: null,
      hasAudio: false,
    });
  });

  it('pages by cursor over several pages without repeating or skipping a call, even when new calls arrive', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let arrived = '';
    do {
      const response = await list(world.headers.customer_admin, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page = response.json<CallLogPage>();
      seen.push(...idsOf(page));
      cursor = page.nextCursor;
      pages += 1;
      // A call arriving after the first page is newer than everything listed: later pages do not shift.
      if (pages === 1) arrived = (await makeCall(h.orm, tenant.id, { startedAt: new Date() })).id;
    } while (cursor);
    await inScope(h.orm, { system: 'test' }, (em) => em.nativeDelete(CallLog, { id: arrived }));
    expect(pages).toBe(3);
    expect(seen).toEqual(newestFirst());
  });

  it('filters by agent, days, status, outcome, duration and transcript words, alone and combined', async () => {
    expect(await listed(`?agentId=${agents.bookings}`)).toEqual([ids.running, ids.noAnswer, ids.booking]);
    expect(await listed('?from=2025-03-02&to=2025-03-03')).toEqual(newestFirst().slice(2, 6));
    expect(await listed('?from=2025-03-04')).toEqual([ids.running, ids.late]);
    expect(await listed('?to=2025-03-01')).toEqual([ids.refund]);
    expect(await listed('?status=no-answer')).toEqual([ids.noAnswer]);
    expect(await listed('?outcome=failure')).toEqual([ids.refund]);
    expect(await listed('?outcome=unknown')).toEqual([ids.noAnswer]);
    expect(await listed('?minDuration=200')).toEqual([ids.late, ids.booking]);
    expect(await listed('?maxDuration=30')).toEqual([ids.running, ids.noAnswer, ids.refund]);
    expect(await listed('?minDuration=90&maxDuration=95')).toEqual(newestFirst().slice(2, 4));
    expect(await listed('?q=refund')).toEqual([ids.refund]);
    expect(await listed(`?q=${encodeURIComponent('100%')}`)).toEqual([ids.refund]);
    // `%` and `_` are the characters themselves, not wildcards.
    expect(await listed(`?q=${encodeURIComponent('%')}`)).toEqual([ids.refund]);
    expect(await listed('?q=room_12')).toEqual([ids.booking]);
    expect(await listed('?q=room_1_')).toEqual([]);
    expect(await listed(`?agentId=${agents.frontDesk}&outcome=success&minDuration=91`)).toEqual([ids.late, ids.twinB]);
  });

  it.each([
    ['a cursor that is not one', '?cursor=not-a-cursor', 'querystring.cursor'],
    ['a cursor of the wrong shape', `?cursor=${Buffer.from('{"a":1}').toString('base64url')}`, 'querystring.cursor'],
    ['a cursor with a bad id', `?cursor=${Buffer.from('["1","x"]').toString('base64url')}`, 'querystring.cursor'],
    ['limit 0', '?limit=0', 'querystring.limit'],
    ['limit beyond 100', '?limit=1000000', 'querystring.limit'],
    ['a limit that is no number', '?limit=lots', 'querystring.limit'],
    ['a day that does not exist', '?from=2025-02-30', 'querystring.from'],
    ['a day the database cannot hold', '?to=0000-01-01', 'querystring.to'],
    ['to before from', '?from=2025-03-05&to=2025-03-01', 'querystring.to'],
    ['maxDuration below minDuration', '?minDuration=100&maxDuration=10', 'querystring.maxDuration'],
    ['a negative duration', '?minDuration=-1', 'querystring.minDuration'],
    ['an unknown status', '?status=exploded', 'querystring.status'],
    ['an unknown outcome', '?outcome=maybe', 'querystring.outcome'],
    ['an agent id that is no uuid', '?agentId=agent_123', 'querystring.agentId'],
    ['an empty search', '?q=%20%20', 'querystring.q'],
    ['a parameter the list does not know', '?pageSize=10', 'querystring'],
  ])('answers 400 problem+json to %s', async (_, query, path) => {
    const response = await list(world.headers.customer_admin, query);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors.map((error: { path: string }) => error.path)).toContainEqual(
      expect.stringContaining(path),
    );
  });

  it('shows one call with its transcript as a conversation, summary, evaluations and collected data', async () => {
    const call = await makeCall(h.orm, tenant.id, {
      agentId: agents.frontDesk,
      startedAt: at('2025-02-01T10:00:00Z'),
      durationSeconds: 75,
      summary: 'The caller asked about breakfast.',
      costUsd: 0.123456,
      audioKey: `${tenant.id}/conv_detail.mp3`,
      transcript: [
        { speaker: 'user', text: 'When is breakfast?', atSeconds: 3.2 },
        { speaker: 'agent', text: 'Good morning!', atSeconds: 0 },
        { speaker: 'agent', text: 'From seven to ten.', atSeconds: 5, interrupted: true },
      ],
      analysis: {
        evaluations: [{ id: 'answered', result: 'success', rationale: 'Gave the times.' }],
        collected: [{ id: 'topic', value: 'breakfast', rationale: 'Asked about it.' }],
      },
    });
    const response = await h.app.inject({ url: `/api/call-logs/${call.id}`, headers: world.headers.customer_user });
    expect(response.statusCode).toBe(200);
    expect(response.json<CallLogDetail>()).toMatchObject({
      id: call.id,
      agentName: 'Front desk',
      summary: 'The caller asked about breakfast.',
      transcript: [
        { speaker: 'agent', text: 'Good morning!', atSeconds: 0, interrupted: false },
        { speaker: 'user', text: 'When is breakfast?', atSeconds: 3.2, interrupted: false },
        { speaker: 'agent', text: 'From seven to ten.', atSeconds: 5, interrupted: true },
      ],
      analysis: {
        evaluations: [{ id: 'answered', result: 'success', rationale: 'Gave the times.' }],
        collected: [{ id: 'topic', value: 'breakfast', rationale: 'Asked about it.' }],
      },
      cost: { credits: null, usd: 0.123456, llmUsd: null },
      hasAudio: true,
      audioUrl: `/api/call-logs/${call.id}/audio`,
    });

    const silent = await h.app.inject({ url: `/api/call-logs/${ids.noAnswer}`, headers: world.headers.customer_user });
    expect(silent.json()).toMatchObject({ transcript: [], analysis: null, audioUrl: null, hasAudio: false });
  });

  it('keeps every tenant to its own calls: another tenant’s are neither listed, shown nor named', async () => {
    expect(await listed('?limit=100', other.headers)).not.toEqual(expect.arrayContaining([ids.refund]));
    expect(await listed('?q=refund', other.headers)).toEqual([ids.otherTenants]);
    expect(await listed('?q=refund')).toEqual([ids.refund]);
    for (const url of [`/api/call-logs/${ids.refund}`, `/api/call-logs/${ids.refund}/audio`]) {
      const response = await h.app.inject({ url, headers: other.headers });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(tenant.id);
    }
    expect((await list(other.headers, `?tenantId=${tenant.id}`)).statusCode).toBe(404);
    // The cursor of tenant A's list gives tenant B only tenant B's calls.
    const page = (await list(world.headers.customer_admin, '?limit=1')).json<CallLogPage>();
    expect(await listed(`?cursor=${page.nextCursor}`, other.headers)).not.toEqual(
      expect.arrayContaining([ids.late, ids.refund]),
    );
  });

  it('lets platform staff read a named tenant’s calls, and no telephony call is part of the history', async () => {
    expect(await listed(`?tenantId=${tenant.id}&from=2025-03-01`, world.headers.support)).toEqual(newestFirst());
    const telephony = await h.app.inject({ url: `/api/call-logs/${ids.telephony}`, headers: world.headers.support });
    expect(telephony.statusCode).toBe(404);
    const shown = await h.app.inject({ url: `/api/call-logs/${ids.refund}`, headers: world.headers.platform_admin });
    expect(shown.statusCode).toBe(200);
  });

  it('answers 401 without a session and 400 to an id that is no uuid', async () => {
    expect((await h.app.inject({ url: '/api/call-logs' })).statusCode).toBe(401);
    const bad = await h.app.inject({ url: '/api/call-logs/123', headers: world.headers.customer_admin });
    expect(bad.statusCode).toBe(400);
  });
});

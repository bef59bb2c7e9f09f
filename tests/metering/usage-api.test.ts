import { Plan, Tenant } from '../../db/entities';
import { insertUsageOnce } from '../../domain/usage/insert-usage-once';
import { inScope } from '../../db/scope';
import { botSigningSecret, signBotRequest } from '../../domain/usage/bot-signature';
import { simControl } from '../../sim/sim-control';
import type { RunningSimulator } from '../../sim/start-simulator';
import { createHarness, TEST_SECRET, type Harness } from '../support/harness';
import { makeWorld, subscribeTenant } from '../support/factories';
import { startTestSimulator } from '../support/test-simulator';
import { callResult, usageOfCall, worldWithReadyBot } from './metering-support';

// The call's media stream goes to the bot's own runtime; tests/voice-bot-runtime.test.ts covers it.
describe('usage API, bot reports and call refusals', () => {
  let sim: RunningSimulator;
  let control: ReturnType<typeof simControl>;
  let h: Harness;
  let apiUrl: string;
  const worlds: Awaited<ReturnType<typeof makeWorld>>[] = [];
  const bots: { id: string; phoneNumber: string }[] = [];

  beforeAll(async () => {
    sim = await startTestSimulator();
    control = simControl(sim.url);
    h = await createHarness({
      worker: true,
      simulatorUrl: sim.url,
      callTiming: { counterGraceMs: 300, finalizeAfterMs: 5_000 },
    });
    apiUrl = await h.app.listen({ port: 0, host: '127.0.0.1' });
    for (let i = 0; i < 2; i += 1) {
      const { world, botId, phoneNumber } = await worldWithReadyBot(h);
      worlds.push(world);
      bots.push({ id: botId, phoneNumber });
    }
  }, 120_000);
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  const signedReport = (botId: string, body: unknown, secret = botSigningSecret(TEST_SECRET, botId)) => {
    const raw = JSON.stringify(body);
    const timestamp = String(Date.now());
    return h.app.inject({
      method: 'POST',
      url: '/api/usage/events',
      headers: {
        'content-type': 'application/json',
        'x-voiceplane-bot': botId,
        'x-voiceplane-timestamp': timestamp,
        'x-voiceplane-signature': signBotRequest(secret, timestamp, raw),
      },
      payload: raw,
    });
  };

  it('sums a tenant’s calls by day, bot and kind, and shows it to nobody else', async () => {
    const [a, b] = worlds as [Awaited<ReturnType<typeof makeWorld>>, Awaited<ReturnType<typeof makeWorld>>];
    const calls = [
      await control.placeCall({ to: bots[0]!.phoneNumber, deliverTo: apiUrl, durationSeconds: 61 }),
      await control.placeCall({ to: bots[0]!.phoneNumber, deliverTo: apiUrl, durationSeconds: 30 }),
      await control.placeCall({ to: bots[1]!.phoneNumber, deliverTo: apiUrl, durationSeconds: 600 }),
    ];
    for (const placed of calls) await callResult(h, placed.callSid);

    const summaryResponse = await h.app.inject({
      url: '/api/usage/summary?range=month&groupBy=kind',
      headers: a.headers.customer_user,
    });
    expect(summaryResponse.body).toContain('totals');
    const summary = summaryResponse.json();
    expect(summary.totals).toMatchObject({ call_started: 2, minutes: 3 });
    expect(summary.series.find((point: { key: string }) => point.key === 'minutes').minutes).toBe(3);

    const byDay = (
      await h.app.inject({ url: '/api/usage/summary?range=week&groupBy=day', headers: a.headers.customer_admin })
    ).json();
    expect(byDay.series).toHaveLength(7);
    const today = new Date().toISOString().slice(0, 10);
    expect(byDay.series.find((point: { key: string }) => point.key === today)).toMatchObject({
      call_started: 2,
      minutes: 3,
    });

    const byBot = (
      await h.app.inject({ url: '/api/usage/summary?range=month&groupBy=bot', headers: a.headers.customer_admin })
    ).json();
    expect(byBot.series.map((point: { key: string }) => point.key)).toEqual([bots[0]!.id]);

    // A customer cannot widen the scope with tenantId: it is ignored, and RLS holds it anyway.
    const sneaky = (
      await h.app.inject({
        url: `/api/usage/summary?range=month&groupBy=kind&tenantId=${b.tenant.id}`,
        headers: a.headers.customer_admin,
      })
    ).json();
    expect(sneaky.totals.minutes).toBe(3);

    const other = (
      await h.app.inject({ url: '/api/usage/summary?range=month&groupBy=kind', headers: b.headers.customer_admin })
    ).json();
    expect(other.totals).toMatchObject({ call_started: 1, minutes: 10 });

    const staff = (
      await h.app.inject({
        url: `/api/usage/summary?range=month&groupBy=kind&tenantId=${b.tenant.id}`,
        headers: a.headers.support,
      })
    ).json();
    expect(staff.totals.minutes).toBe(10);
  });

  it('rejects a malformed summary request with 400 problem+json', async () => {
    const headers = worlds[0]!.headers.customer_admin;
    for (const url of [
      '/api/usage/summary?range=year',
      '/api/usage/summary?groupBy=hour',
      '/api/usage/summary?range=custom&from=2026-01-01',
      '/api/usage/summary?range=custom&from=2026-13-01&to=2026-12-01',
    ]) {
      const response = await h.app.inject({ url, headers });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('records a bot’s counters with the call when reported during it, once per report id', async () => {
    const bot = bots[0]!;
    const placed = await control.placeCall({ to: bot.phoneNumber, deliverTo: apiUrl, durationSeconds: 20, hold: true });
    const body = {
      callSid: placed.callSid,
      reports: [
        { reportId: 'r1', kind: 'tts_chars', quantity: 420 },
        { reportId: 'r2', kind: 'stt_requests', quantity: 3 },
      ],
    };
    for (let i = 0; i < 20 && (await signedReport(bot.id, body)).statusCode === 404; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100)); // the call log appears with the workflow's first activity
    }
    const again = await signedReport(bot.id, body);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ accepted: 2, via: 'call' });
    await control.hangUp(placed.callSid);
    await callResult(h, placed.callSid);
    expect(await usageOfCall(h, placed.callSid)).toEqual({
      call_started: [1],
      minutes: [1],
      stt_requests: [3],
      tts_chars: [420],
    });

    // After the call, the same report ids are stored directly but still only once.
    const late = { callSid: placed.callSid, reports: [{ reportId: 'r3', kind: 'gpt_tokens', quantity: 900 }] };
    expect((await signedReport(bot.id, late)).json()).toEqual({ accepted: 1, via: 'direct' });
    await signedReport(bot.id, late);
    expect((await usageOfCall(h, placed.callSid)).gpt_tokens).toEqual([900]);
  });

  it('refuses reports with a wrong or foreign signature, and calls of another bot', async () => {
    const [mine, theirs] = [bots[0]!, bots[1]!];
    const body = { reports: [{ reportId: 'x', kind: 'tts_chars', quantity: 1 }] };
    expect((await signedReport(mine.id, body, botSigningSecret(TEST_SECRET, theirs.id))).statusCode).toBe(401);
    const unsigned = await h.app.inject({
      method: 'POST',
      url: '/api/usage/events',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(400);
    const foreignCall = await control.placeCall({ to: bots[1]!.phoneNumber, deliverTo: apiUrl, durationSeconds: 5 });
    await callResult(h, foreignCall.callSid);
    const response = await signedReport(mine.id, { callSid: foreignCall.callSid, reports: body.reports });
    expect(response.statusCode).toBe(404);
  });

  it('answers 403 to calls for a deactivated tenant’s number, status callbacks too, and meters nothing', async () => {
    const world = worlds[1]!;
    await inScope(h.orm, { system: 'test' }, (em) =>
      em.nativeUpdate(Tenant, { id: world.tenant.id }, { status: 'suspended' }),
    );
    try {
      const placed = await control.placeCall({ to: bots[1]!.phoneNumber, deliverTo: apiUrl, durationSeconds: 40 });
      expect(placed.deliveries.map((delivery) => delivery.httpStatus)).toEqual([403, 403, 403, 403]);
      expect(placed.deliveries[0]!.body).not.toContain('<Connect>');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await usageOfCall(h, placed.callSid)).toEqual({});
    } finally {
      await inScope(h.orm, { system: 'test' }, (em) =>
        em.nativeUpdate(Tenant, { id: world.tenant.id }, { status: 'active' }),
      );
    }
  });

  it('refuses calls with a spoken message once the month’s minutes reach the plan’s cap, and not without a cap', async () => {
    const world = worlds[1]!;
    await subscribeTenant(h.orm, world.tenant.id, 'starter');
    await inScope(h.orm, { system: 'test' }, async (em) => {
      const { monthlyMinuteCap } = await em.findOneOrFail(Plan, { code: 'starter' });
      await insertUsageOnce(em, {
        tenantId: world.tenant.id,
        botId: null,
        kind: 'minutes',
        quantity: monthlyMinuteCap!,
        occurredAt: new Date(),
        idempotencyKey: `test:cap:${world.tenant.id}`,
        source: 'test',
        callSid: null,
      });
    });
    const refused = await control.placeCall({ to: bots[1]!.phoneNumber, deliverTo: apiUrl, durationSeconds: 40 });
    expect(refused.deliveries[0]!.body).toContain('reached its limit');
    expect(refused.deliveries[0]!.body).not.toContain('<Connect>');

    // Enterprise has no minute cap: the same usage connects.
    await subscribeTenant(h.orm, world.tenant.id, 'enterprise');
    const taken = await control.placeCall({ to: bots[1]!.phoneNumber, deliverTo: apiUrl, durationSeconds: 5 });
    expect(taken.deliveries[0]!.body).toContain('<Connect>');
    await callResult(h, taken.callSid);
  });
});

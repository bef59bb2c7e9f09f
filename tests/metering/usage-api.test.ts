import WebSocket from 'ws';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { Plan, Tenant } from '../../db/entities';
import { insertUsageOnce } from '../../domain/usage/insert-usage-once';
import { inScope } from '../../db/scope';
import { botSigningSecret, signBotRequest } from '../../domain/usage/bot-signature';
import { mediaStreamKey, signMediaStream } from '../../domain/telephony/media-stream-token';
import { simControl } from '../../sim/sim-control';
import type { RunningSimulator } from '../../sim/start-simulator';
import { createHarness, TEST_SECRET, TEST_WEBHOOK_BASE, type Harness } from '../support/harness';
import { makeWorld, subscribeTenant } from '../support/factories';
import { startTestSimulator } from '../support/test-simulator';
import { callResult, usageOfCall, worldWithReadyBot } from './metering-support';

describe('usage API, bot reports and media streams', () => {
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

  const openMediaStream = async () => {
    const wsUrl = `${apiUrl.replace('http', 'ws')}/telephony/media`;
    const publicUrl = `${TEST_WEBHOOK_BASE.replace('http', 'ws')}/telephony/media`;
    const socket = new WebSocket(wsUrl, {
      headers: { 'x-twilio-signature': getExpectedTwilioSignature('simulator', publicUrl, {}) },
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return { closed, send: (message: object) => socket.send(JSON.stringify(message)) };
  };
  const streamKey = mediaStreamKey(TEST_SECRET);

  it('accepts a media stream carrying its call’s signed token, counts its messages, and closes an unsigned one', async () => {
    const { closed, send } = await openMediaStream();
    const token = signMediaStream(streamKey, { callSid: 'CA1', botId: bots[0]!.id });
    send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    send({
      event: 'start',
      streamSid: 'MZ1',
      start: { callSid: 'CA1', customParameters: { botId: bots[0]!.id, token } },
    });
    for (let i = 0; i < 5; i += 1)
      send({ event: 'media', streamSid: 'MZ1', media: { payload: Buffer.from('audio').toString('base64') } });
    send({ event: 'stop', streamSid: 'MZ1' });
    expect(await closed).toBe(1000);

    const unsigned = new WebSocket(`${apiUrl.replace('http', 'ws')}/telephony/media`);
    const code = await new Promise<number>((resolve) => unsigned.once('close', (c) => resolve(c)));
    expect(code).toBe(1008);
  });

  it.each([
    ['without a token', () => undefined],
    ['with a token of another call', () => signMediaStream(streamKey, { callSid: 'CA2', botId: bots[0]!.id })],
    ['with a token for another bot', () => signMediaStream(streamKey, { callSid: 'CA1', botId: bots[1]!.id })],
    [
      'with an expired token',
      () => signMediaStream(streamKey, { callSid: 'CA1', botId: bots[0]!.id }, Date.now() - 3_600_000),
    ],
    ['with a token signed by another key', () => signMediaStream('other-key', { callSid: 'CA1', botId: bots[0]!.id })],
  ])('closes a signed-upgrade media stream whose start comes %s (1008)', async (_name, token) => {
    const { closed, send } = await openMediaStream();
    send({
      event: 'start',
      streamSid: 'MZ2',
      start: { callSid: 'CA1', customParameters: { botId: bots[0]!.id, token: token() } },
    });
    expect(await closed).toBe(1008);
  });

  it('opens one stream per token: a replayed start is closed (1008)', async () => {
    const token = signMediaStream(streamKey, { callSid: 'CA7', botId: bots[0]!.id });
    const start = {
      event: 'start',
      streamSid: 'MZ7',
      start: { callSid: 'CA7', customParameters: { botId: bots[0]!.id, token } },
    };
    const first = await openMediaStream();
    first.send(start);
    first.send({ event: 'stop', streamSid: 'MZ7' });
    expect(await first.closed).toBe(1000);
    const replay = await openMediaStream();
    replay.send(start);
    expect(await replay.closed).toBe(1008);
  });

  it('closes a validly signed stream whose tenant has been deactivated since (1008)', async () => {
    const world = worlds[1]!;
    await inScope(h.orm, { system: 'test' }, (em) =>
      em.nativeUpdate(Tenant, { id: world.tenant.id }, { status: 'suspended' }),
    );
    try {
      const token = signMediaStream(streamKey, { callSid: 'CA8', botId: bots[1]!.id });
      const stream = await openMediaStream();
      stream.send({
        event: 'start',
        streamSid: 'MZ8',
        start: { callSid: 'CA8', customParameters: { botId: bots[1]!.id, token } },
      });
      expect(await stream.closed).toBe(1008);
    } finally {
      await inScope(h.orm, { system: 'test' }, (em) =>
        em.nativeUpdate(Tenant, { id: world.tenant.id }, { status: 'active' }),
      );
    }
  });

  it('closes a media stream that sends audio before a verified start (1008)', async () => {
    const { closed, send } = await openMediaStream();
    send({ event: 'media', streamSid: 'MZ3', media: { payload: Buffer.from('audio').toString('base64') } });
    expect(await closed).toBe(1008);
  });
});

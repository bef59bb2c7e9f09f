import WebSocket from 'ws';
import { createHerokuPlatform } from '../activities/adapters/heroku-platform';
import { AuditLog, Bot } from '../db/entities';
import { inScope } from '../db/scope';
import { backfillBotAppUrls } from '../domain/bots/backfill-bot-app-urls';
import { simControl } from '../sim/sim-control';
import type { RunningSimulator } from '../sim/start-simulator';
import type { ChatMessage } from '../runtime/voice-bot/src/speech/ports';
import { encodeMulaw, MULAW_SILENCE } from '../runtime/voice-bot/src/mulaw';
import { signBotStreamToken } from '../runtime/voice-bot/src/stream-token';
import { botSigningSecret } from '../domain/usage/bot-signature';
import { createHarness, TEST_SECRET, type Harness } from './support/harness';
import { makeWorld } from './support/factories';
import { startTestSimulator } from './support/test-simulator';
import { callResult, usageOfCall, worldWithReadyBot } from './metering/metering-support';

type World = Awaited<ReturnType<typeof makeWorld>>;
interface ReadyBot {
  world: World;
  botId: string;
  phoneNumber: string;
  appName: string;
  /** The app's web URL as the simulated Heroku reports it (`web_url`). */
  webUrl: string;
  configVars: Record<string, string>;
}

/** One second of a 300 Hz tone as Twilio would carry a caller's voice: 20 ms frames of µ-law. */
const spokenFrames = (ms: number) => {
  const tone = Int16Array.from({ length: ms * 8 }, (_, i) =>
    Math.round(6_000 * Math.sin((2 * Math.PI * 300 * i) / 8_000)),
  );
  const mulaw = encodeMulaw(tone);
  return Array.from({ length: ms / 20 }, (_, i) => Buffer.from(mulaw.subarray(i * 160, (i + 1) * 160)));
};
const silentFrames = (ms: number) => Array.from({ length: ms / 20 }, () => Buffer.alloc(160, MULAW_SILENCE));

/** The `<Parameter>`s of the `<Stream>` in the TwiML the platform answered Twilio's voice webhook with. */
const streamParameters = (twiml: string) =>
  Object.fromEntries([...twiml.matchAll(/<Parameter name="(\w+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!]));
/** The `<Stream url>` of that TwiML: where Twilio opens the call's media stream. */
const streamUrlOf = (twiml: string) => /<Stream url="([^"]+)">/.exec(twiml)?.[1];

describe('the voice-bot runtime behind the simulated Heroku app', () => {
  let sim: RunningSimulator;
  let control: ReturnType<typeof simControl>;
  let h: Harness;
  let apiUrl: string;
  const asked: ChatMessage[][] = [];
  const logLines: string[] = [];
  const bots: ReadyBot[] = [];

  beforeAll(async () => {
    sim = await startTestSimulator(50, {
      // The model's input, as the runtime's LLM port received it.
      voiceBotAdapters: (_config, selected) => ({
        ...selected,
        llm: {
          complete: async (messages) => {
            asked.push(messages.map((message) => ({ ...message })));
            return selected.llm.complete(messages);
          },
        },
      }),
    });
    control = simControl(sim.url);
    h = await createHarness({
      worker: true,
      simulatorUrl: sim.url,
      callTiming: { counterGraceMs: 300, finalizeAfterMs: 5_000 },
      logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } },
    });
    apiUrl = await h.app.listen({ port: 0, host: '127.0.0.1' });
    for (let i = 0; i < 2; i += 1) {
      const { world, botId, job, phoneNumber, herokuAppName } = await worldWithReadyBot(h);
      expect(job.status).toBe('done');
      const app = (await control.state()).heroku.apps.find((candidate) => candidate.name === herokuAppName)!;
      // The harness's platform URL is a placeholder; point this bot's reports at the API under test.
      await fetch(`${sim.url}/heroku/apps/${app.name}/config-vars`, {
        method: 'PATCH',
        headers: { authorization: 'Bearer sim', 'content-type': 'application/json' },
        body: JSON.stringify({ PLATFORM_CALLBACK_URL: `${apiUrl}/api/usage/events` }),
      });
      bots.push({
        world,
        botId,
        phoneNumber,
        appName: app.name,
        webUrl: app.web_url,
        configVars: app.config_vars,
      });
    }
  }, 180_000);
  afterAll(async () => {
    await h.close();
    await sim.stop();
  });

  /** A media stream to `target`: a bot's app (its `media-stream`), or the URL a TwiML's `<Stream>` names. */
  const openStream = async (target: ReadyBot | string) => {
    const url = typeof target === 'string' ? target : `${target.webUrl.replace(/^http/, 'ws')}media-stream`;
    const socket = new WebSocket(url);
    const received: { event: string; media?: { payload: string }; mark?: { name: string } }[] = [];
    socket.on('message', (raw: Buffer) => received.push(JSON.parse(raw.toString())));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const send = (message: object) => socket.send(JSON.stringify(message));
    const play = (frames: Buffer[]) => {
      for (const frame of frames)
        send({ event: 'media', streamSid: 'MZ1', media: { payload: frame.toString('base64') } });
    };
    const mark = async (name: string) => {
      for (let i = 0; i < 200 && !received.some((message) => message.mark?.name === name); i += 1)
        await new Promise((resolve) => setTimeout(resolve, 25));
      expect(received.map((message) => message.mark?.name).filter(Boolean)).toContain(name);
    };
    const start = (callSid: string, customParameters: Record<string, string>) =>
      send({
        event: 'start',
        streamSid: 'MZ1',
        start: { callSid, customParameters, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } },
      });
    return { send, play, mark, start, closed, received };
  };

  it('answers provisioning’s health check itself: its bot, tenant and prompt version, and no secret', async () => {
    const [a] = bots as [ReadyBot];
    const response = await fetch(`${a.webUrl}health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      status: 'ok',
      service: 'voiceplane-voice-bot',
      botId: a.botId,
      tenantId: a.world.tenant.id,
      role: a.configVars.BOT_ROLE,
      promptVersion: a.configVars.BOT_PROMPT_VERSION,
      adapters: { stt: 'mock', tts: 'mock', llm: 'mock' },
      activeCalls: 0,
    });
    expect(JSON.stringify(body)).not.toContain(a.configVars.BOT_SIGNING_SECRET);
    expect(a.configVars.BOT_SIGNING_SECRET).toBe(botSigningSecret(TEST_SECRET, a.botId));
  });

  it('streams a call through STT → LLM → TTS, answers with µ-law frames and meters the counters for its tenant only', async () => {
    const [a, b] = bots as [ReadyBot, ReadyBot];
    const placed = await control.placeCall({ to: a.phoneNumber, deliverTo: apiUrl, durationSeconds: 20, hold: true });
    const twiml = placed.deliveries[0]!.body ?? '';
    const parameters = streamParameters(twiml);
    expect(parameters).toEqual({ botId: a.botId, callSid: placed.callSid, botToken: expect.any(String) });
    // Twilio streams the call to the bot's own runtime, which greets the caller: no platform <Say> before it.
    expect(streamUrlOf(twiml)).toBe(`${a.webUrl.replace(/^http/, 'ws')}media-stream`);
    expect(twiml).not.toContain('<Say');

    const stream = await openStream(streamUrlOf(twiml)!);
    stream.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    stream.start(placed.callSid, parameters);
    await stream.mark('turn-1'); // the greeting
    const greetingFrames = stream.received.filter((message) => message.event === 'media').length;
    expect(greetingFrames).toBeGreaterThan(0);
    // Spoken once: nothing follows it until the caller says something.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.received.filter((message) => message.event === 'mark')).toHaveLength(1);
    stream.play([...spokenFrames(1_000), ...silentFrames(800)]);
    await stream.mark('turn-2'); // the answer to what the caller said
    const frames = stream.received.filter((message) => message.event === 'media');
    expect(frames.length).toBeGreaterThan(greetingFrames);
    expect(Buffer.from(frames.at(-1)!.media!.payload, 'base64').length).toBeLessThanOrEqual(160);
    stream.send({ event: 'stop', streamSid: 'MZ1' });
    expect(await stream.closed).toBe(1000);

    // The model was asked with the tenant's built prompt, the greeting said and what STT heard.
    const question = asked.at(-1)!;
    expect(question[0]).toEqual({ role: 'system', content: a.configVars.BOT_PROMPT });
    expect(a.configVars.BOT_PROMPT).toContain(a.world.tenant.name);
    expect(question.slice(1)).toEqual([
      { role: 'assistant', content: a.configVars.BOT_GREETING },
      { role: 'user', content: 'Ich hätte gerne einen Termin (2s)' },
    ]);

    await control.hangUp(placed.callSid);
    await callResult(h, placed.callSid);
    const usage = await usageOfCall(h, placed.callSid);
    const answer = 'Gerne, ich habe morgen um 10 Uhr einen Termin frei. Passt Ihnen das?';
    expect(usage).toEqual({
      call_started: [1],
      minutes: [1],
      stt_requests: [1],
      tts_chars: [a.configVars.BOT_GREETING!.length + answer.length],
      gpt_tokens: [expect.any(Number)],
    });
    expect(usage.gpt_tokens![0]).toBeGreaterThan(Math.ceil(a.configVars.BOT_PROMPT!.length / 4));

    const summary = async (world: World) =>
      (await h.app.inject({ url: '/api/usage/summary?groupBy=kind', headers: world.headers.customer_admin })).json();
    expect((await summary(a.world)).totals).toMatchObject({
      stt_requests: 1,
      tts_chars: usage.tts_chars![0],
      gpt_tokens: usage.gpt_tokens![0],
    });
    expect((await summary(b.world)).totals).toMatchObject({ stt_requests: 0, tts_chars: 0, gpt_tokens: 0 });
    const foreign = await h.app.inject({
      url: `/api/usage/summary?groupBy=kind&tenantId=${a.world.tenant.id}`,
      headers: b.world.headers.customer_admin,
    });
    // A customer's tenantId is ignored: their own tenant's usage, none of the other's.
    expect(foreign.json().totals).toMatchObject({ stt_requests: 0, tts_chars: 0, gpt_tokens: 0 });
  });

  it.each([
    ['without a bot token', (p: Record<string, string>) => ({ ...p, botToken: '' })],
    [
      'with a bot token of another call',
      (p: Record<string, string>, a: ReadyBot) => ({
        ...p,
        botToken: signBotStreamToken(a.configVars.BOT_SIGNING_SECRET!, 'CA00000000000000000000000000000000'),
      }),
    ],
    [
      'with a token signed by another bot’s secret',
      (p: Record<string, string>, _a: ReadyBot, b: ReadyBot) => ({
        ...p,
        botToken: signBotStreamToken(b.configVars.BOT_SIGNING_SECRET!, p.callSid!),
      }),
    ],
    ['for another bot', (p: Record<string, string>, _a: ReadyBot, b: ReadyBot) => ({ ...p, botId: b.botId })],
  ])('closes a stream whose start comes %s (1008) and takes no audio', async (_name, tamper) => {
    const [a, b] = bots as [ReadyBot, ReadyBot];
    const callSid = `CA${'1'.repeat(32)}`;
    const genuine = {
      botId: a.botId,
      callSid,
      botToken: signBotStreamToken(a.configVars.BOT_SIGNING_SECRET!, callSid),
    };
    const stream = await openStream(a);
    stream.start(callSid, tamper(genuine, a, b));
    stream.play(spokenFrames(200));
    expect(await stream.closed).toBe(1008);
    expect(stream.received).toEqual([]);
  });

  it('opens one stream per token, and refuses audio before a verified start', async () => {
    const [a] = bots as [ReadyBot];
    const callSid = `CA${'2'.repeat(32)}`;
    const parameters = {
      botId: a.botId,
      callSid,
      botToken: signBotStreamToken(a.configVars.BOT_SIGNING_SECRET!, callSid),
    };
    const first = await openStream(a);
    first.start(callSid, parameters);
    await first.mark('turn-1');
    first.send({ event: 'stop', streamSid: 'MZ1' });
    expect(await first.closed).toBe(1000);

    const replay = await openStream(a);
    replay.start(callSid, parameters);
    expect(await replay.closed).toBe(1008);

    const early = await openStream(a);
    early.play(spokenFrames(100));
    expect(await early.closed).toBe(1008);
  });

  it('records each bot’s app URL at provisioning and streams each tenant’s calls to its own bot’s app only', async () => {
    const [a, b] = bots as [ReadyBot, ReadyBot];
    expect(a.webUrl).not.toBe(b.webUrl);
    for (const bot of [a, b]) {
      const view = await h.app.inject({ url: `/api/bots/${bot.botId}`, headers: bot.world.headers.customer_admin });
      expect(view.json()).toMatchObject({ herokuAppName: bot.appName, appUrl: bot.webUrl });
      const audit = await inScope(h.orm, { system: 'test' }, (em) =>
        em.find(AuditLog, { targetId: bot.botId, action: 'bot.app_url_recorded' }),
      );
      expect(audit.map((row) => row.details)).toEqual([
        { appName: bot.appName, appUrl: bot.webUrl, previousAppUrl: null, system: 'provisioning-worker' },
      ]);
    }
    // Tenant B sees neither tenant A's bot nor its app's URL.
    const foreign = await h.app.inject({ url: `/api/bots/${a.botId}`, headers: b.world.headers.customer_admin });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain(a.webUrl);
    const list = await h.app.inject({ url: '/api/bots', headers: b.world.headers.customer_admin });
    expect(list.body).toContain(b.webUrl);
    expect(list.body).not.toContain(a.webUrl);

    for (const [own, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const placed = await control.placeCall({ to: own.phoneNumber, deliverTo: apiUrl, durationSeconds: 5 });
      const twiml = placed.deliveries[0]!.body ?? '';
      expect(streamUrlOf(twiml)).toBe(`${own.webUrl.replace(/^http/, 'ws')}media-stream`);
      expect(twiml).not.toContain(other.appName);
      expect(streamParameters(twiml).botId).toBe(own.botId);
      await callResult(h, placed.callSid);
    }
  });

  it('refuses a ready bot without an app URL, unmetered, until the backfill records it; a second backfill changes nothing', async () => {
    const [a, b] = bots as [ReadyBot, ReadyBot];
    // As a bot provisioned before app URLs were recorded.
    await inScope(h.orm, { system: 'test' }, (em) => em.nativeUpdate(Bot, { id: b.botId }, { appUrl: null }));
    const caller = '+436641112233';
    const refused = await control.placeCall({
      to: b.phoneNumber,
      from: caller,
      deliverTo: apiUrl,
      durationSeconds: 30,
    });
    expect(refused.deliveries.map((delivery) => delivery.httpStatus)).toEqual([200, 204, 204, 204]);
    expect(refused.deliveries[0]!.body).toContain('This assistant is not available at the moment.');
    expect(refused.deliveries[0]!.body).not.toContain('<Connect>');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await usageOfCall(h, refused.callSid)).toEqual({});
    const warnings = logLines
      .map((line) => JSON.parse(line) as { msg?: string; level?: number })
      .filter((entry) => entry.msg === 'bot_without_app_url');
    expect(warnings).toEqual([expect.objectContaining({ level: 40, botId: b.botId })]);
    expect(JSON.stringify(warnings)).not.toContain(caller);
    expect(JSON.stringify(warnings)).not.toContain(b.phoneNumber);

    // The backfill asks Heroku (here the simulator) for the app, as `npm run bots:backfill-app-urls` does.
    const apps = createHerokuPlatform({ simulatorUrl: sim.url, requestTimeoutMs: 5_000 });
    const ours = (results: Awaited<ReturnType<typeof backfillBotAppUrls>>) =>
      results.filter((result) => result.botId === a.botId || result.botId === b.botId);
    expect(ours(await backfillBotAppUrls({ orm: h.orm, apps }))).toEqual([
      { botId: b.botId, tenantId: b.world.tenant.id, appName: b.appName, outcome: 'recorded', appUrl: b.webUrl },
    ]);
    expect(ours(await backfillBotAppUrls({ orm: h.orm, apps }))).toEqual([]);
    const stored = await inScope(h.orm, { system: 'test' }, (em) => em.findOneOrFail(Bot, { id: b.botId }));
    expect(stored.appUrl).toBe(b.webUrl);

    const taken = await control.placeCall({ to: b.phoneNumber, deliverTo: apiUrl, durationSeconds: 5 });
    expect(streamUrlOf(taken.deliveries[0]!.body ?? '')).toBe(`${b.webUrl.replace(/^http/, 'ws')}media-stream`);
    await callResult(h, taken.callSid);
  });
});

import { simControl } from './sim-control';
import { startSimulator, type RunningSimulator } from './start-simulator';
import { recordCall } from './twilio/state';

const ACCOUNT = `AC${'1'.repeat(32)}`;
const TWILIO_AUTH = { authorization: `Basic ${Buffer.from(`${ACCOUNT}:token`).toString('base64')}` };
const HEROKU_AUTH = { authorization: 'Bearer any-key', 'content-type': 'application/json' };
type NumbersPage = { incoming_phone_numbers: Array<{ phone_number: string }>; next_page_uri: string | null };
let sim: RunningSimulator;
let control: ReturnType<typeof simControl>;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, appSetupDelayMs: 0 });
  control = simControl(sim.url);
});
afterAll(() => sim.stop());
beforeEach(() => control.reset());

const heroku = (method: string, path: string, body?: unknown) =>
  fetch(`${sim.url}/heroku${path}`, {
    method,
    headers: HEROKU_AUTH,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const twilio = (method: string, path: string, form?: Record<string, string>) =>
  fetch(`${sim.url}/twilio/2010-04-01/Accounts/${ACCOUNT}${path}`, {
    method,
    headers: TWILIO_AUTH,
    body: form && new URLSearchParams(form),
  });

describe('provider simulator', () => {
  it('shows apps, setups, numbers, calls and request counts in its state, and forgets them on reset', async () => {
    await heroku('POST', '/app-setups', {
      app: { name: 'vp-state' },
      source_blob: { url: 'https://example.test/t.tgz' },
      overrides: { env: { BOT_ID: 'bot-9' } },
    });
    await twilio('POST', '/IncomingPhoneNumbers.json', { PhoneNumber: '+4315550042', FriendlyName: 'state-bot' });
    recordCall(sim.state.twilio, { accountSid: ACCOUNT, to: '+4315550042', from: '+4366400000' });
    await control.fault({ operation: 'twilio.fetchCall', mode: 'fail', times: 0 });

    const state = await control.state();
    expect(state.heroku.apps).toMatchObject([
      { name: 'vp-state', config_vars: { BOT_ID: 'bot-9' }, formation: [{ type: 'web', quantity: 0 }] },
    ]);
    expect(state.heroku.appSetups).toMatchObject([{ status: 'succeeded', app: { name: 'vp-state' } }]);
    expect(state.twilio.numbers).toMatchObject([{ phone_number: '+4315550042', friendly_name: 'state-bot' }]);
    expect(state.twilio.calls).toHaveLength(1);
    expect(state.requestCounts).toEqual({ 'heroku.createAppSetup': 1, 'twilio.buyNumber': 1 });
    expect(state.faults).toMatchObject([{ operation: 'twilio.fetchCall', remaining: null }]);

    await control.reset();
    expect(await control.state()).toEqual({
      heroku: { apps: [], appSetups: [] },
      twilio: { numbers: [], calls: [] },
      stripe: {
        customers: [],
        invoiceItems: [],
        invoices: [],
        subscriptions: [],
        checkoutSessions: [],
        events: [],
        webhookEndpoints: [],
        deliveries: [],
        paymentOutcomes: {},
      },
      elevenlabs: expect.objectContaining({ conversations: [], deliveries: [] }),
      requestCounts: {},
      faults: [],
    });
  });

  it('rejects requests without credentials in each provider’s error shape', async () => {
    const herokuResponse = await fetch(`${sim.url}/heroku/apps/anything`);
    expect(herokuResponse.status).toBe(401);
    expect(await herokuResponse.json()).toEqual({ id: 'unauthorized', message: 'Invalid credentials provided.' });

    const twilioResponse = await fetch(`${sim.url}/twilio/2010-04-01/Accounts/${ACCOUNT}/IncomingPhoneNumbers.json`);
    expect(twilioResponse.status).toBe(401);
    expect(await twilioResponse.json()).toMatchObject({ code: 20003, message: 'Authenticate', status: 401 });
  });

  it('answers unknown Heroku apps and Twilio resources with their real 404 bodies', async () => {
    expect(await (await heroku('GET', '/apps/nope')).json()).toEqual({
      id: 'not_found',
      message: "Couldn't find that app.",
    });
    const missing = await twilio('GET', `/IncomingPhoneNumbers/PN${'0'.repeat(32)}.json`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 20404, status: 404, more_info: expect.any(String) });
  });

  it('pages the numbers list with Twilio-style URIs the SDK can follow', async () => {
    for (const digit of ['1', '2', '3'])
      await twilio('POST', '/IncomingPhoneNumbers.json', { PhoneNumber: `+431555000${digit}` });
    const first = (await (await twilio('GET', '/IncomingPhoneNumbers.json?PageSize=2')).json()) as NumbersPage;
    expect(first).toMatchObject({ page: 0, page_size: 2, previous_page_uri: null });
    expect(first.incoming_phone_numbers).toHaveLength(2);
    expect(first.next_page_uri).toMatch(/^\/2010-04-01\/Accounts\/AC1+\/IncomingPhoneNumbers\.json\?.*Page=1/);
    const next = await fetch(`${sim.url}/twilio${first.next_page_uri}`, { headers: TWILIO_AUTH });
    const second = (await next.json()) as NumbersPage;
    expect(second.incoming_phone_numbers.map((n) => n.phone_number)).toEqual(['+4315550003']);
    expect(second.next_page_uri).toBeNull();
  });

  it('applies a fault only to requests whose URL matches, in the order faults were added', async () => {
    for (const name of ['vp-match-a', 'vp-match-b']) {
      await heroku('POST', '/app-setups', { app: { name }, source_blob: { url: 'https://example.test/t.tgz' } });
    }
    await control.fault({ operation: 'heroku.getApp', mode: 'fail', status: 500, match: 'vp-match-b' });
    await control.fault({ operation: 'heroku.getApp', mode: 'fail', status: 429 });
    expect((await heroku('GET', '/apps/vp-match-a')).status).toBe(429);
    const failed = await heroku('GET', '/apps/vp-match-b');
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ id: 'internal_server_error' });
    expect((await heroku('GET', '/apps/vp-match-b')).status).toBe(200);
    expect(await control.faults()).toEqual([]);
  });

  it('delays a slow request and then answers it normally', async () => {
    await control.fault({ operation: 'heroku.getApp', mode: 'slow', delayMs: 200 });
    const started = Date.now();
    expect((await heroku('GET', '/apps/vp-slow')).status).toBe(404);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('fails the simulated app health check on demand', async () => {
    await heroku('POST', '/app-setups', {
      app: { name: 'vp-sick' },
      source_blob: { url: 'https://example.test/t.tgz' },
    });
    await heroku('PATCH', '/apps/vp-sick/formation', { updates: [{ type: 'web', quantity: 1, size: 'basic' }] });
    expect((await fetch(`${sim.url}/sim-apps/vp-sick/health`)).status).toBe(200);
    await control.fault({ operation: 'app.health', mode: 'fail', status: 500 });
    expect((await fetch(`${sim.url}/sim-apps/vp-sick/health`)).status).toBe(500);
    expect((await fetch(`${sim.url}/sim-apps/vp-sick/health`)).status).toBe(200);
  });

  it('refuses faults it could not apply', async () => {
    const post = (body: unknown) =>
      fetch(`${sim.url}/_sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ operation: 'heroku.teleport', mode: 'fail' })).status).toBe(400);
    expect((await post({ operation: 'heroku.getApp', mode: 'empty' })).status).toBe(400);
    expect((await post({ operation: 'twilio.listNumbers', mode: 'empty' })).status).toBe(201);
  });

  it('drops requests it was holding when reset, and closes without waiting for them', async () => {
    const own = await startSimulator({ port: 0 });
    const ownControl = simControl(own.url);
    await ownControl.fault({ operation: 'heroku.getApp', mode: 'hang', times: 0 });
    const get = () => fetch(`${own.url}/heroku/apps/vp-hung`, { headers: HEROKU_AUTH });

    const beforeReset = get();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ownControl.reset();
    await expect(beforeReset).rejects.toThrow();

    await ownControl.fault({ operation: 'heroku.getApp', mode: 'hang' });
    const beforeClose = get();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await own.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(beforeClose).rejects.toThrow();
  });
});

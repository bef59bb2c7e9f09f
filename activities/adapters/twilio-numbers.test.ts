import { simControl } from '../../sim/sim-control';
import { failureOf } from '../../tests/support/failure-of';
import { startRefusingProxy, startScriptedHttp } from '../../tests/support/scripted-http';
import { startSimulator, type RunningSimulator } from '../../sim/start-simulator';
import { recordCall } from '../../sim/twilio/state';
import { ProviderError } from './provider-error';
import { SIMULATOR_ACCOUNT_SID } from '../../config/simulator-credentials';
import { createTwilioClient, createTwilioNumbers, type TwilioNumbers } from './twilio-numbers';

const HOOKS = { voiceUrl: 'https://api.test/telephony/incoming', statusCallback: 'https://api.test/telephony/status' };
let sim: RunningSimulator;
let numbers: TwilioNumbers;
let control: ReturnType<typeof simControl>;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  numbers = createTwilioNumbers({ simulatorUrl: sim.url, timeoutMs: 30_000 });
  control = simControl(sim.url);
});
afterAll(() => sim.stop());
beforeEach(() => control.reset());

const rejection = (promise: Promise<unknown>) => failureOf(promise, ProviderError);

async function buy(friendlyName: string) {
  const [phoneNumber] = await numbers.searchAvailableLocal('AT', { limit: 1 });
  return numbers.buyNumber({ phoneNumber: phoneNumber!, friendlyName, ...HOOKS });
}

describe('Twilio numbers adapter against the simulator', () => {
  it('buys a searched number, finds it by friendly name, rewires and releases it', async () => {
    const available = await numbers.searchAvailableLocal('AT', { limit: 3 });
    expect(available).toHaveLength(3);
    expect(new Set(available).size).toBe(3);
    for (const number of available) expect(number).toMatch(/^\+43\d+$/);

    const bought = await numbers.buyNumber({ phoneNumber: available[0]!, friendlyName: 'bot-1', ...HOOKS });
    expect(bought).toEqual({ sid: expect.stringMatching(/^PN[0-9a-f]{32}$/), phoneNumber: available[0] });
    expect(await numbers.findByFriendlyName('bot-1')).toEqual(bought);
    expect(await numbers.findByFriendlyName('bot-2')).toBeNull();

    const moved = { voiceUrl: 'https://new.test/voice', statusCallback: 'https://new.test/status' };
    await numbers.updateWebhooks(bought.sid, moved);
    expect(await numbers.fetchNumber(bought.sid)).toEqual({ ...bought, ...moved });

    expect(await numbers.releaseNumber(bought.sid)).toBe('released');
    expect(await numbers.fetchNumber(bought.sid)).toBeNull();
    expect(await numbers.releaseNumber(bought.sid)).toBe('absent');
    expect(await numbers.findByFriendlyName('bot-1')).toBeNull();
  });

  it('never offers a number twice or one that is already owned', async () => {
    const first = await numbers.searchAvailableLocal('AT', { limit: 2 });
    await numbers.buyNumber({ phoneNumber: first[0]!, friendlyName: 'bot-owned', ...HOOKS });
    const second = await numbers.searchAvailableLocal('AT', { limit: 5 });
    expect(second).toHaveLength(5);
    expect(second).not.toContain(first[0]);
    expect(second.filter((number) => first.includes(number))).toEqual([]);
  });

  it('searches by area code in North America', async () => {
    const found = await numbers.searchAvailableLocal('US', { areaCode: '212', limit: 2 });
    expect(found).toEqual(['+12125550000', '+12125550001']);
  });

  it('refuses to buy a number someone already owns, permanently', async () => {
    const bought = await buy('bot-first');
    const error = await rejection(
      numbers.buyNumber({ phoneNumber: bought.phoneNumber, friendlyName: 'bot-second', ...HOOKS }),
    );
    expect(error).toMatchObject({ provider: 'twilio', status: 400, code: '21422', retryable: false });
  });

  it('retries through two injected outages on purchase, then buys', async () => {
    const [phoneNumber] = await numbers.searchAvailableLocal('DE', { limit: 1 });
    await control.fault({ operation: 'twilio.buyNumber', mode: 'fail', times: 2, status: 503 });
    const attempt = () => numbers.buyNumber({ phoneNumber: phoneNumber!, friendlyName: 'bot-retry', ...HOOKS });
    for (let i = 0; i < 2; i += 1) {
      expect(await rejection(attempt())).toMatchObject({ status: 503, code: '20503', retryable: true });
    }
    expect(await attempt()).toMatchObject({ phoneNumber });
    const state = await control.state();
    expect(state.requestCounts['twilio.buyNumber']).toBe(3);
    expect(state.twilio.numbers).toHaveLength(1);
  });

  it('reports no available numbers as an empty list', async () => {
    await control.fault({ operation: 'twilio.searchNumbers', mode: 'empty' });
    expect(await numbers.searchAvailableLocal('AT')).toEqual([]);
    expect(await numbers.searchAvailableLocal('AT', { limit: 1 })).toHaveLength(1);
  });

  it('treats a throttled request as retryable and a missing country as permanent', async () => {
    await control.fault({ operation: 'twilio.searchNumbers', mode: 'fail', status: 429, message: 'Too Many Requests' });
    expect(await rejection(numbers.searchAvailableLocal('AT'))).toMatchObject({ status: 429, retryable: true });
    expect(await rejection(numbers.searchAvailableLocal('ZZ'))).toMatchObject({
      status: 404,
      code: '20404',
      retryable: false,
    });
  });

  it('gives up on a hanging API after its timeout, retryably, and the purchase never happens', async () => {
    const impatient = createTwilioNumbers({ simulatorUrl: sim.url, timeoutMs: 150 });
    const [phoneNumber] = await impatient.searchAvailableLocal('AT', { limit: 1 });
    await control.fault({ operation: 'twilio.buyNumber', mode: 'hang' });
    const error = await rejection(
      impatient.buyNumber({ phoneNumber: phoneNumber!, friendlyName: 'bot-hang', ...HOOKS }),
    );
    expect(error).toMatchObject({ status: null, code: 'timeout', retryable: true });
    expect((await control.state()).twilio.numbers).toEqual([]);
  });

  it('reads a call the simulator recorded, and null for an unknown one', async () => {
    const call = recordCall(sim.state.twilio, {
      accountSid: SIMULATOR_ACCOUNT_SID,
      to: '+4315550000',
      from: '+4366412345678',
      status: 'completed',
      durationSeconds: 42,
    });
    expect(await numbers.fetchCall(call.sid)).toEqual({
      sid: call.sid,
      status: 'completed',
      durationSeconds: 42,
      to: '+4315550000',
      from: '+4366412345678',
    });
    expect(await numbers.fetchCall(`CA${'f'.repeat(32)}`)).toBeNull();
  });

  it("pages through the account's numbers with the SDK's own paging", async () => {
    for (const name of ['page-a', 'page-b', 'page-c']) await buy(name);
    const client = createTwilioClient({ simulatorUrl: sim.url });
    const listed = await client.incomingPhoneNumbers.list({ pageSize: 2 });
    expect(listed.map((number) => number.friendlyName)).toEqual(['page-a', 'page-b', 'page-c']);
    expect((await control.state()).requestCounts['twilio.listNumbers']).toBe(2);
  });

  it('insists on both credentials or neither', () => {
    expect(() => createTwilioNumbers({ accountSid: SIMULATOR_ACCOUNT_SID, simulatorUrl: sim.url })).toThrow(
      /both an account sid and an auth token/,
    );
  });
});

/** Builds a client while the SDK's region variables are set (the SDK reads them once, when it is created). */
function withRegion<T>(create: () => T): T {
  const saved = { region: process.env.TWILIO_REGION, edge: process.env.TWILIO_EDGE };
  process.env.TWILIO_REGION = 'ie1';
  process.env.TWILIO_EDGE = 'dublin';
  try {
    return create();
  } finally {
    for (const [name, value] of [
      ['TWILIO_REGION', saved.region],
      ['TWILIO_EDGE', saved.edge],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('Twilio numbers adapter against a Twilio API with unusual answers', () => {
  let answer: (path: string) => { status: number; type?: string; body: string };
  let server: Awaited<ReturnType<typeof startScriptedHttp>>;
  let twilioApi: TwilioNumbers;
  const accountPath = `/twilio/2010-04-01/Accounts/${SIMULATOR_ACCOUNT_SID}`;
  const simulatorOfFake = () => `${server.url}/`;

  beforeAll(async () => {
    server = await startScriptedHttp((request, response) => {
      const { status, type = 'application/json', body } = answer(request.url);
      response.writeHead(status, { 'content-type': type, connection: 'close' });
      response.end(body);
    });
    twilioApi = createTwilioNumbers({ simulatorUrl: simulatorOfFake() });
  });
  afterAll(() => server.close());

  it('reads a number without webhooks as null urls, not empty strings', async () => {
    const sid = `PN${'a'.repeat(32)}`;
    answer = (path) => ({
      status: path === `${accountPath}/IncomingPhoneNumbers/${sid}.json` ? 200 : 404,
      body: JSON.stringify({
        sid,
        account_sid: SIMULATOR_ACCOUNT_SID,
        phone_number: '+4315550001',
        voice_url: '',
        status_callback: null,
      }),
    });
    expect(await twilioApi.fetchNumber(sid)).toEqual({
      sid,
      phoneNumber: '+4315550001',
      voiceUrl: null,
      statusCallback: null,
    });
  });

  it('keeps talking to the simulator when TWILIO_REGION and TWILIO_EDGE move the SDK to a regional host', async () => {
    const paths: string[] = [];
    answer = (path) => {
      paths.push(path);
      return {
        status: 200,
        body: JSON.stringify({ incoming_phone_numbers: [], meta: { key: 'incoming_phone_numbers' } }),
      };
    };
    const regional = withRegion(() => createTwilioNumbers({ simulatorUrl: simulatorOfFake() }));
    expect(await regional.findByFriendlyName('bot-1')).toBeNull();
    expect(paths).toEqual([`${accountPath}/IncomingPhoneNumbers.json?FriendlyName=bot-1&PageSize=1`]);
  });

  it('reads a call still in progress without a duration', async () => {
    const sid = `CA${'b'.repeat(32)}`;
    answer = () => ({
      status: 200,
      body: JSON.stringify({ sid, status: 'in-progress', duration: null, to: '+4315550001', from: '+4366412345678' }),
    });
    expect(await twilioApi.fetchCall(sid)).toEqual({
      sid,
      status: 'in-progress',
      durationSeconds: null,
      to: '+4315550001',
      from: '+4366412345678',
    });
  });

  it("maps a gateway's HTML error page to a retryable error with its status and no code", async () => {
    answer = () => ({ status: 502, type: 'text/html', body: '<html><body>Bad Gateway</body></html>' });
    const error = await rejection(twilioApi.findByFriendlyName('bot-1'));
    expect(error).toMatchObject({ status: 502, code: null, retryable: true });
    expect(error.message).toContain('HTTP 502');
  });

  it('names the HTTP status of an error answered without a message or code', async () => {
    answer = () => ({ status: 400, body: '{}' });
    expect(await rejection(twilioApi.searchAvailableLocal('at'))).toMatchObject({
      message: 'twilio: HTTP 400',
      status: 400,
      code: null,
      retryable: false,
    });
  });
});

describe('Twilio client with credentials', () => {
  let proxy: Awaited<ReturnType<typeof startRefusingProxy>>;
  const saved = process.env.HTTP_PROXY;

  beforeAll(async () => {
    // The SDK sends through HTTP_PROXY when it is set: the proxy sees where a request goes, and refuses it.
    proxy = await startRefusingProxy();
    process.env.HTTP_PROXY = proxy.url;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.HTTP_PROXY;
    else process.env.HTTP_PROXY = saved;
    await proxy.close();
  });

  const accountSid = `AC${'1'.repeat(32)}`;
  const credentials = { accountSid, authToken: 'token', simulatorUrl: 'http://sim.invalid', timeoutMs: 5_000 };

  it('calls the real Twilio API under the configured account, not the simulator', async () => {
    expect(createTwilioClient(credentials).accountSid).toBe(accountSid);
    // The proxy's refusal comes back as the answer: a provider error like any other.
    const error = await rejection(createTwilioNumbers(credentials).fetchNumber(`PN${'c'.repeat(32)}`));
    expect(error.status).toBe(403);
    expect(proxy.connects).toEqual(['api.twilio.com:443']);
  });

  it('calls the regional host TWILIO_REGION and TWILIO_EDGE name', async () => {
    const numbers = withRegion(() => createTwilioNumbers(credentials));
    await rejection(numbers.fetchCall(`CA${'d'.repeat(32)}`));
    expect(proxy.connects.slice(1)).toEqual(['api.dublin.ie1.twilio.com:443']);
  });
});

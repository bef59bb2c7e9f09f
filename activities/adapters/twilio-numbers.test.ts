import { simControl } from '../../sim/sim-control';
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

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ProviderError);
      return error as ProviderError;
    },
  );

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

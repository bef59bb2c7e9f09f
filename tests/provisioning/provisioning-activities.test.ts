import { randomInt, randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type { HerokuPlatform } from '../../activities/adapters/heroku-platform';
import type { TwilioNumbers } from '../../activities/adapters/twilio-numbers';
import { createProvisioningActivities } from '../../activities/provisioning';
import { Bot, ProvisioningJob } from '../../db/entities';
import { createOrm, type Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { herokuAppNameFor, numberFriendlyNameFor } from '../../domain/provisioning/provisioning-steps';
import { makeTenant } from '../support/factories';
import { failureOf } from '../support/failure-of';
import { startScriptedHttp } from '../support/scripted-http';
import { TEST_WEBHOOK_BASE, testDatabaseUrl } from '../support/harness';

const VOICE_URL = `${TEST_WEBHOOK_BASE}/telephony/incoming`;
const STATUS_CALLBACK = `${TEST_WEBHOOK_BASE}/telephony/status`;

/** Every provider call fails loudly unless a test gives it an answer. */
const unexpected = (name: string) => () => Promise.reject(new Error(`unexpected call to ${name}`));

function fakeHeroku(overrides: Partial<HerokuPlatform> = {}): HerokuPlatform {
  return {
    createAppSetup: unexpected('createAppSetup'),
    getAppSetup: unexpected('getAppSetup'),
    findApp: unexpected('findApp'),
    setConfigVars: unexpected('setConfigVars'),
    scaleFormation: unexpected('scaleFormation'),
    deleteApp: unexpected('deleteApp'),
    healthUrl: (appName) => `http://127.0.0.1:9/${appName}/health`,
    ...overrides,
  };
}

function fakeTwilio(overrides: Partial<TwilioNumbers> = {}): TwilioNumbers {
  return {
    searchAvailableLocal: unexpected('searchAvailableLocal'),
    findByFriendlyName: unexpected('findByFriendlyName'),
    buyNumber: unexpected('buyNumber'),
    updateWebhooks: unexpected('updateWebhooks'),
    fetchNumber: unexpected('fetchNumber'),
    releaseNumber: unexpected('releaseNumber'),
    fetchCall: unexpected('fetchCall'),
    ...overrides,
  };
}

/**
 * The provisioning activities against the real database, with the providers replaced by stand-ins that answer
 * what each case needs: what a retry finds already done, and which failures are final (non-retryable).
 */
describe('provisioning activities', () => {
  let orm: Orm;
  let tenantId: string;

  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
    tenantId = (await makeTenant(orm)).id;
  });
  afterAll(() => orm.close());

  const activities = (providers: { heroku?: HerokuPlatform; twilio?: TwilioNumbers } = {}) =>
    createProvisioningActivities({
      orm,
      heroku: providers.heroku ?? fakeHeroku(),
      twilio: providers.twilio ?? fakeTwilio(),
      webhookBase: TEST_WEBHOOK_BASE,
      platformUrl: 'http://localhost:3000',
      templateTarballUrl: 'https://example.test/voice-bot-template.tar.gz',
      botProviderKeys: {},
      botSecret: () => 'secret',
    });

  async function insertBot(overrides: Partial<Pick<Bot, 'status' | 'locale' | 'twilioNumberSid'>> = {}) {
    const unique = randomInt(1e9, 1e10);
    return inScope(orm, { system: 'test' }, async (em) => {
      const bot = em.create(Bot, {
        tenantId,
        name: 'Reception',
        status: 'ready',
        locale: 'de-AT',
        voice: 'elevenlabs:Rachel',
        greeting: 'Grüß Gott!',
        herokuAppName: `vp-${unique}`,
        twilioNumber: `+43${unique}`,
        twilioNumberSid: `PN${unique}`,
        ...overrides,
      });
      await em.flush();
      return bot;
    });
  }

  const readBot = (id: string) => inScope(orm, { system: 'test' }, (em) => em.findOneOrFail(Bot, { id }));

  describe('loadBotForRotation', () => {
    it('refuses for good a bot that is not ready', async () => {
      const bot = await insertBot({ status: 'failed', twilioNumberSid: null });
      const failure = await failureOf(activities().loadBotForRotation({ botId: bot.id, jobId: randomUUID() }));
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ nonRetryable: true, type: 'BotNotReady', message: 'Bot is failed, not ready' });
    });

    it('names the new number after the job and reports no old number for a bot without one', async () => {
      const bot = await insertBot({ locale: 'fr', twilioNumberSid: null });
      const jobId = randomUUID();
      await expect(activities().loadBotForRotation({ botId: bot.id, jobId })).resolves.toEqual({
        newNumberFriendlyName: numberFriendlyNameFor(bot.id, jobId),
        country: 'FR',
        oldNumberSid: null,
      });
    });
  });

  it('treats an app of the bot’s name as created by an earlier attempt: no second setup', async () => {
    const bot = await insertBot({ status: 'provisioning' });
    const appName = herokuAppNameFor(bot.id);
    const createAppSetup = jest.fn(unexpected('createAppSetup'));
    const heroku = fakeHeroku({
      findApp: async (name) => (name === appName ? { name, webUrl: `https://${name}.herokuapp.test/` } : null),
      createAppSetup,
    });

    await expect(activities({ heroku }).createBotApp({ botId: bot.id, appName })).resolves.toEqual({
      appName,
      setupId: null,
    });
    expect(createAppSetup).not.toHaveBeenCalled();
  });

  describe('waitForAppSetup', () => {
    // The activity heartbeats and sleeps through Temporal's activity context, which this environment provides.
    const environment = () => new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR', () => {}) });

    it('fails for good when the setup failed, even when Heroku gives no reason', async () => {
      const heroku = fakeHeroku({
        getAppSetup: async () => ({ status: 'failed', failureMessage: null, appName: 'vp-x' }),
      });
      const failure = await failureOf(environment().run(activities({ heroku }).waitForAppSetup, 'setup-1'));
      expect(failure).toMatchObject({
        nonRetryable: true,
        type: 'AppSetupFailed',
        message: 'App setup failed: no reason given',
      });
    });

    it('polls a pending setup again, heartbeating each time, until it succeeds', async () => {
      const statuses = ['pending', 'succeeded'] as const;
      let polls = 0;
      const getAppSetup = jest.fn(async (_setupId: string) => ({
        status: statuses[polls++]!,
        failureMessage: null,
        appName: 'vp-x',
      }));
      const env = environment();
      let heartbeats = 0;
      env.on('heartbeat', () => (heartbeats += 1));

      // No poll interval configured: the production default applies.
      await env.run(activities({ heroku: fakeHeroku({ getAppSetup }) }).waitForAppSetup, 'setup-2');

      expect(getAppSetup).toHaveBeenCalledTimes(2);
      expect(getAppSetup).toHaveBeenCalledWith('setup-2');
      expect(heartbeats).toBe(2);
    });
  });

  it('returns the number an earlier attempt bought under the friendly name instead of buying another', async () => {
    const owned = { sid: 'PN-owned', phoneNumber: '+4312345' };
    const buyNumber = jest.fn(unexpected('buyNumber'));
    const twilio = fakeTwilio({
      findByFriendlyName: async (name) => (name === 'vp-bot-x' ? owned : null),
      buyNumber,
    });
    await expect(activities({ twilio }).acquireBotNumber({ friendlyName: 'vp-bot-x', country: 'AT' })).resolves.toBe(
      owned,
    );
    expect(buyNumber).not.toHaveBeenCalled();
  });

  describe('verifyNumberWebhooks', () => {
    it('fails for good when the number is gone', async () => {
      const twilio = fakeTwilio({ fetchNumber: async () => null });
      await expect(activities({ twilio }).verifyNumberWebhooks('PN-gone')).rejects.toMatchObject({
        nonRetryable: true,
        type: 'NumberMissing',
        message: 'Number PN-gone is gone',
      });
    });

    it('fails retryably while the number still points elsewhere (the update may not have landed yet)', async () => {
      const number = {
        sid: 'PN1',
        phoneNumber: '+431',
        voiceUrl: 'https://old.test/voice',
        statusCallback: STATUS_CALLBACK,
      };
      const twilio = fakeTwilio({ fetchNumber: async () => number });
      const failure = await failureOf(activities({ twilio }).verifyNumberWebhooks('PN1'));
      expect(failure).not.toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ message: 'Number +431 still points elsewhere (https://old.test/voice)' });
    });

    it('also checks the status callback', async () => {
      const number = { sid: 'PN1', phoneNumber: '+431', voiceUrl: VOICE_URL, statusCallback: null };
      const twilio = fakeTwilio({ fetchNumber: async () => number });
      await expect(activities({ twilio }).verifyNumberWebhooks('PN1')).rejects.toThrow('still points elsewhere');
      const correct = { ...number, statusCallback: STATUS_CALLBACK };
      await expect(
        activities({ twilio: fakeTwilio({ fetchNumber: async () => correct }) }).verifyNumberWebhooks('PN1'),
      ).resolves.toBeUndefined();
    });
  });

  describe('checkBotHealth', () => {
    let server: Awaited<ReturnType<typeof startScriptedHttp>>;
    const requested: string[] = [];

    beforeAll(async () => {
      server = await startScriptedHttp((request, response) => {
        requested.push(request.url);
        response.writeHead(200).end('ok');
      });
    });
    afterAll(() => server.close());

    it('falls back to the platform’s health URL when Heroku does not list the app', async () => {
      const heroku = fakeHeroku({
        findApp: async () => null,
        healthUrl: (appName) => `${server.url}/apps/${appName}/health`,
      });
      await expect(activities({ heroku }).checkBotHealth('vp-fallback')).resolves.toBeUndefined();
      expect(requested).toContain('/apps/vp-fallback/health');
    });

    it('fails retryably, saying so, when the app cannot be reached', async () => {
      const heroku = fakeHeroku({ findApp: async (name) => ({ name, webUrl: 'http://127.0.0.1:9/' }) });
      const failure = await failureOf(activities({ heroku }).checkBotHealth('vp-down'));
      expect(failure).not.toBeInstanceOf(ApplicationFailure);
      expect((failure as Error).message).toMatch(/^Health check could not reach the app \(/);
    });
  });

  it('does not mark a bot ready when its app is gone, and leaves it provisioning', async () => {
    const bot = await insertBot({ status: 'provisioning', twilioNumberSid: null });
    const heroku = fakeHeroku({ findApp: async () => null });
    await expect(
      activities({ heroku }).markBotReady({ botId: bot.id, appName: 'vp-gone', numberSid: 'PN9', phoneNumber: '+439' }),
    ).rejects.toMatchObject({ nonRetryable: true, type: 'AppMissing', message: 'App vp-gone is gone' });
    expect(await readBot(bot.id)).toMatchObject({ status: 'provisioning', appUrl: null });
  });

  it('releases a bot’s numbers by friendly name when it has no current number', async () => {
    const bot = await insertBot({ status: 'deprovisioning', twilioNumberSid: null });
    const rotationJobId = await inScope(orm, { system: 'test' }, async (em) => {
      const job = em.create(ProvisioningJob, {
        tenantId,
        botId: bot.id,
        kind: 'rotate_number',
        status: 'error',
        workflowId: `rotate-number-${bot.id}`,
      });
      await em.flush();
      return job.id;
    });
    const byFriendlyName: Record<string, { sid: string; phoneNumber: string }> = {
      [numberFriendlyNameFor(bot.id, rotationJobId)]: { sid: 'PN-rotated', phoneNumber: '+4399' },
    };
    const releaseNumber = jest.fn(async () => 'released' as const);
    const twilio = fakeTwilio({ findByFriendlyName: async (name) => byFriendlyName[name] ?? null, releaseNumber });

    await activities({ twilio }).releaseBotNumbers(bot.id);

    expect(releaseNumber.mock.calls).toEqual([['PN-rotated']]);
  });
});

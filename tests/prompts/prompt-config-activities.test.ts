import { randomInt, randomUUID } from 'node:crypto';
import type { HerokuPlatform } from '../../activities/adapters/heroku-platform';
import { createPromptConfigActivities } from '../../activities/prompt-config';
import { Bot } from '../../db/entities';
import { createOrm, type Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { makeTenant } from '../support/factories';
import { testDatabaseUrl } from '../support/harness';

/**
 * The prompt rollout's activities against the real database, with Heroku as a recording stand-in: which bots get
 * their config vars set, and when the rollout must wait for the saved settings to commit.
 */
describe('prompt config activities', () => {
  let orm: Orm;

  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
  });
  afterAll(() => orm.close());

  function setup(existingApps: string[] = []) {
    const setConfigVars = jest.fn(async (_appName: string, _vars: Record<string, string | null>) => {});
    const findApp = jest.fn(async (name: string) =>
      existingApps.includes(name) ? { name, webUrl: `https://${name}.herokuapp.test/` } : null,
    );
    const heroku = { findApp, setConfigVars } as unknown as HerokuPlatform;
    return { activities: createPromptConfigActivities({ orm, heroku }), setConfigVars, findApp };
  }

  const insertBot = (tenantId: string, status: Bot['status'], herokuAppName: string | null) =>
    inScope(orm, { system: 'test' }, async (em) => {
      const bot = em.create(Bot, {
        tenantId,
        name: `Bot ${status}`,
        status,
        locale: 'de-AT',
        voice: 'elevenlabs:Rachel',
        greeting: 'Grüß Gott!',
        herokuAppName,
      });
      await em.flush();
      return bot;
    });

  const appName = () => `vp-${randomInt(1e9, 1e10)}`;

  describe('listPromptTargets', () => {
    it('fails retryably until the saved settings’ version has committed', async () => {
      const tenant = await makeTenant(orm);
      const { activities } = setup();
      // A tenant that never saved settings is at version 0.
      await expect(activities.listPromptTargets({ tenantId: tenant.id, atLeastVersion: 1 })).rejects.toThrow(
        'Prompt settings version 1 is not committed yet',
      );
      await expect(activities.listPromptTargets({ tenantId: tenant.id, atLeastVersion: 1 })).rejects.not.toHaveProperty(
        'nonRetryable',
        true,
      );
    });

    it('lists the ready and provisioning bots that have an app', async () => {
      const tenant = await makeTenant(orm);
      const ready = await insertBot(tenant.id, 'ready', appName());
      const provisioning = await insertBot(tenant.id, 'provisioning', appName());
      await insertBot(tenant.id, 'provisioning', null);
      await insertBot(tenant.id, 'failed', null);
      const { activities } = setup();

      const targets = await activities.listPromptTargets({ tenantId: tenant.id, atLeastVersion: 0 });
      expect(targets.version).toBe(0);
      expect([...targets.botIds].sort()).toEqual([ready.id, provisioning.id].sort());
    });
  });

  describe('applyBotPrompt', () => {
    it('skips a bot that runs no app: none created yet, or failed or deprovisioned meanwhile', async () => {
      const tenant = await makeTenant(orm);
      const { activities, setConfigVars, findApp } = setup();
      const withoutApp = await insertBot(tenant.id, 'ready', null);
      const failed = await insertBot(tenant.id, 'failed', appName());
      const deprovisioned = await insertBot(tenant.id, 'deprovisioned', appName());

      for (const bot of [withoutApp, failed, deprovisioned]) {
        await expect(activities.applyBotPrompt({ botId: bot.id })).resolves.toBeNull();
      }
      expect(findApp).not.toHaveBeenCalled();
      expect(setConfigVars).not.toHaveBeenCalled();
    });

    it('skips a provisioning bot whose app Heroku does not have yet (its config step sets the vars)', async () => {
      const tenant = await makeTenant(orm);
      const name = appName();
      const bot = await insertBot(tenant.id, 'provisioning', name);
      const { activities, setConfigVars, findApp } = setup();

      await expect(activities.applyBotPrompt({ botId: bot.id })).resolves.toBeNull();
      expect(findApp).toHaveBeenCalledWith(name);
      expect(setConfigVars).not.toHaveBeenCalled();
    });

    it('sets the prompt on a provisioning bot whose app exists, and returns the version applied', async () => {
      const tenant = await makeTenant(orm);
      const name = appName();
      const bot = await insertBot(tenant.id, 'provisioning', name);
      const { activities, setConfigVars } = setup([name]);

      await expect(activities.applyBotPrompt({ botId: bot.id })).resolves.toBe(0);
      expect(setConfigVars).toHaveBeenCalledTimes(1);
      expect(setConfigVars.mock.calls[0]![0]).toBe(name);
      expect(setConfigVars.mock.calls[0]![1]).toMatchObject({ BOT_ROLE: bot.role, BOT_PROMPT_VERSION: '0' });
    });

    it('fails for good for a bot that is gone', async () => {
      const { activities } = setup();
      await expect(activities.applyBotPrompt({ botId: randomUUID() })).rejects.toMatchObject({
        nonRetryable: true,
        type: 'BotNotFound',
      });
    });
  });
});

import { Context } from '@temporalio/activity';
import type { Orm } from '../db/orm';
import type { SystemActor } from '../domain/auth/actor';
import { recordBotAppUrl } from '../domain/bots/record-bot-app-url';
import { recordBotTransition, type BotTransitionChange } from '../domain/bots/record-bot-transition';
import { botPromptVars } from '../domain/prompts/bot-prompt-vars';
import { botNumberFriendlyNames } from '../domain/provisioning/bot-number-friendly-names';
import { findProvisioningBot } from '../domain/provisioning/find-provisioning-bot';
import { countryOfLocale, herokuAppNameFor, numberFriendlyNameFor } from '../domain/provisioning/provisioning-steps';
import { recordBotApp } from '../domain/provisioning/record-bot-app';
import { recordJobProgress } from '../domain/provisioning/record-job-progress';
import type { JobProgress } from '../domain/provisioning/step-progress';
import { switchBotNumber } from '../domain/provisioning/switch-bot-number';
import type { HerokuPlatform } from './adapters/heroku-platform';
import type { TwilioNumbers } from './adapters/twilio-numbers';
import { domainCall } from './domain-failure';
import { permanentFailure, providerCall } from './provider-failure';

export interface ProvisioningActivityDeps {
  orm: Orm;
  heroku: HerokuPlatform;
  twilio: TwilioNumbers;
  /** Where Twilio sends voice and status webhooks (`TWILIO_APP_WEBHOOK_BASE`). */
  webhookBase: string;
  /** The platform's public URL, given to each bot app for its callbacks. */
  platformUrl: string;
  templateTarballUrl: string;
  /** Provider keys every bot app needs, copied into its config vars (never logged). */
  botProviderKeys: Record<string, string>;
  /** The secret a bot signs its usage reports with. */
  botSecret: (botId: string) => string;
  appSetupPollMs?: number;
  healthTimeoutMs?: number;
}

const actor: SystemActor = { system: 'provisioning-worker' };

/** A domain call about a bot: what the domain refuses (a bot gone, a transition not allowed) fails for good. */
const botCall = <T>(work: () => Promise<T>) => domainCall(work, { notFound: 'BotNotFound' });

/**
 * Side effects of the bot provisioning, number rotation and deprovisioning workflows. Each one checks before it
 * creates (deterministic app names, numbers found by friendly name), so a retry after a crash never makes a
 * second app or buys a second number.
 */
export function createProvisioningActivities(deps: ProvisioningActivityDeps) {
  const { heroku, twilio } = deps;
  const webhooks = {
    voiceUrl: `${deps.webhookBase}/telephony/incoming`,
    statusCallback: `${deps.webhookBase}/telephony/status`,
  };

  const loadBot = (botId: string) => botCall(() => findProvisioningBot(deps, { actor, botId }));
  /** A bot status change through the domain: validated against its lifecycle table and audited as the worker. */
  const botTransition = (botId: string, change: BotTransitionChange) =>
    botCall(() => recordBotTransition(deps.orm, actor, botId, change));

  const releaseByFriendlyName = async (friendlyName: string): Promise<void> => {
    const owned = await providerCall(() => twilio.findByFriendlyName(friendlyName));
    if (owned) await providerCall(() => twilio.releaseNumber(owned.sid));
  };

  return {
    async recordJobProgress(jobId: string, progress: JobProgress): Promise<void> {
      await domainCall(() => recordJobProgress(deps, { actor, jobId, progress }));
    },

    async loadBotForProvisioning(botId: string) {
      const bot = await loadBot(botId);
      return {
        appName: herokuAppNameFor(bot.id),
        numberFriendlyName: numberFriendlyNameFor(botId),
        country: countryOfLocale(bot.locale),
      };
    },

    async loadBotForRotation({ botId, jobId }: { botId: string; jobId: string }) {
      const bot = await loadBot(botId);
      if (bot.status !== 'ready') throw permanentFailure(`Bot is ${bot.status}, not ready`, 'BotNotReady');
      return {
        newNumberFriendlyName: numberFriendlyNameFor(botId, jobId),
        country: countryOfLocale(bot.locale),
        oldNumberSid: bot.twilioNumberSid ?? null,
      };
    },

    /** Starts the app-setup; an app of the same (bot-derived) name means an earlier attempt already created it. */
    async createBotApp({ botId, appName }: { botId: string; appName: string }) {
      const bot = await loadBot(botId);
      const existing = await providerCall(() => heroku.findApp(appName));
      if (existing) return { appName, setupId: null };
      const setup = await providerCall(() =>
        heroku.createAppSetup({ appName, sourceTarballUrl: deps.templateTarballUrl }),
      );
      await botCall(() => recordBotApp(deps, { actor, botId: bot.id, appName }));
      return { appName, setupId: setup.setupId };
    },

    async waitForAppSetup(setupId: string): Promise<void> {
      for (;;) {
        Context.current().heartbeat();
        const setup = await providerCall(() => heroku.getAppSetup(setupId));
        if (setup.status === 'succeeded') return;
        if (setup.status === 'failed') {
          throw permanentFailure(`App setup failed: ${setup.failureMessage ?? 'no reason given'}`, 'AppSetupFailed');
        }
        await Context.current().sleep(deps.appSetupPollMs ?? 1_000);
      }
    },

    async configureBotApp({ botId, tenantId, appName }: { botId: string; tenantId: string; appName: string }) {
      const bot = await loadBot(botId);
      // Its prompt from the tenant's current settings; later saves reach it through the applyPromptConfig rollout.
      const prompt = await botCall(() => botPromptVars(deps, { actor, botId }));
      await providerCall(() =>
        heroku.setConfigVars(appName, {
          TENANT_ID: tenantId,
          BOT_ID: botId,
          BOT_LOCALE: bot.locale,
          BOT_VOICE: bot.voice,
          PLATFORM_CALLBACK_URL: `${deps.platformUrl}/api/usage/events`,
          BOT_SIGNING_SECRET: deps.botSecret(botId),
          ...prompt.vars,
          ...deps.botProviderKeys,
        }),
      );
    },

    async scaleBotApp(appName: string): Promise<void> {
      await providerCall(() => heroku.scaleFormation(appName, 'web', 1, 'basic'));
    },

    /** Returns the number already bought under this friendly name, or buys one in the bot's country. */
    async acquireBotNumber({ friendlyName, country }: { friendlyName: string; country: string }) {
      const owned = await providerCall(() => twilio.findByFriendlyName(friendlyName));
      if (owned) return owned;
      const available = await providerCall(() => twilio.searchAvailableLocal(country, { limit: 5 }));
      const phoneNumber = available[0];
      if (!phoneNumber) throw permanentFailure(`No phone numbers are available in ${country}`, 'NoNumbersAvailable');
      return providerCall(() => twilio.buyNumber({ phoneNumber, friendlyName, ...webhooks }));
    },

    async configureNumberWebhooks(numberSid: string): Promise<void> {
      await providerCall(() => twilio.updateWebhooks(numberSid, webhooks));
    },

    async verifyNumberWebhooks(numberSid: string): Promise<void> {
      const number = await providerCall(() => twilio.fetchNumber(numberSid));
      if (!number) throw permanentFailure(`Number ${numberSid} is gone`, 'NumberMissing');
      if (number.voiceUrl !== webhooks.voiceUrl || number.statusCallback !== webhooks.statusCallback) {
        throw new Error(`Number ${number.phoneNumber} still points elsewhere (${number.voiceUrl})`);
      }
    },

    async checkBotHealth(appName: string): Promise<void> {
      // The app's own web URL is authoritative (newer Heroku apps get a random domain suffix).
      const app = await providerCall(() => heroku.findApp(appName));
      const url = app ? new URL('health', app.webUrl).toString() : heroku.healthUrl(appName);
      const response = await fetch(url, { signal: AbortSignal.timeout(deps.healthTimeoutMs ?? 5_000) }).catch(
        (error: Error) => {
          throw new Error(`Health check could not reach the app (${error.message})`);
        },
      );
      if (!response.ok) throw new Error(`Health check answered HTTP ${response.status}`);
    },

    /** Records the app's web URL, where Twilio streams the bot's calls, before the bot takes any. */
    async markBotReady(input: { botId: string; appName: string; numberSid: string; phoneNumber: string }) {
      const app = await providerCall(() => heroku.findApp(input.appName));
      if (!app) throw permanentFailure(`App ${input.appName} is gone`, 'AppMissing');
      await botCall(() =>
        recordBotAppUrl(deps, { actor, botId: input.botId, appName: input.appName, appUrl: app.webUrl }),
      );
      await botTransition(input.botId, {
        to: 'ready',
        cause: 'provisioned',
        resources: { appName: input.appName, numberSid: input.numberSid, phoneNumber: input.phoneNumber },
      });
    },

    /** The saga has released the number and deleted the app by now: the domain clears both with the status. */
    async markBotFailed(botId: string, reason: string): Promise<void> {
      await botTransition(botId, { to: 'failed', cause: 'provisioning_failed', reason });
    },

    async switchBotNumber(input: { botId: string; numberSid: string; phoneNumber: string }): Promise<void> {
      await botCall(() => switchBotNumber(deps, { actor, ...input }));
    },

    async deleteBotApp(appName: string): Promise<void> {
      await providerCall(() => heroku.deleteApp(appName));
    },

    releaseBotNumber: releaseByFriendlyName,

    async releaseNumberBySid(numberSid: string): Promise<void> {
      await providerCall(() => twilio.releaseNumber(numberSid));
    },

    /** Every number the bot may own: its current one and any bought by provisioning or rotation runs. */
    async releaseBotNumbers(botId: string): Promise<void> {
      const bot = await loadBot(botId);
      if (bot.twilioNumberSid) await providerCall(() => twilio.releaseNumber(bot.twilioNumberSid!));
      const friendlyNames = await botCall(() => botNumberFriendlyNames(deps, { actor, botId }));
      for (const friendlyName of friendlyNames) await releaseByFriendlyName(friendlyName);
    },

    async markBotDeprovisioned(botId: string): Promise<void> {
      await botTransition(botId, { to: 'deprovisioned', cause: 'deprovisioned' });
    },
  };
}

export type ProvisioningActivities = ReturnType<typeof createProvisioningActivities>;

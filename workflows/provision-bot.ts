import { setHandler } from '@temporalio/workflow';
import { PROVISION_STEPS } from '../contracts/provisioning-job';
import { provisioningActivities } from './saga/provisioning-activities';
import { provisioningProgressQuery } from './saga/progress-query';
import { withTiming, type ProvisioningTiming } from './saga/provisioning-timing';
import { Saga } from './saga/saga';
import { failSaga } from './saga/fail-saga';
import { StepRunner } from './saga/step-runner';

export interface ProvisionBotInput {
  botId: string;
  tenantId: string;
  jobId: string;
  timing?: Partial<ProvisioningTiming>;
}

/**
 * Provisions a voice bot: Heroku app from the template, config, dyno, Twilio number, webhooks, health, ready.
 * Anything created is undone in reverse when a step gives up or an admin cancels; the bot then ends `failed`.
 */
export async function provisionBot(input: ProvisionBotInput): Promise<{ appName: string; phoneNumber: string }> {
  const timing = withTiming(input.timing);
  const { once, appSetup, durable } = provisioningActivities(timing);
  const runner = new StepRunner(PROVISION_STEPS, (progress) => durable.recordJobProgress(input.jobId, progress));
  setHandler(provisioningProgressQuery, () => runner.progress);
  const saga = new Saga();
  const retry = timing.providerRetry;

  try {
    const bot = await durable.loadBotForProvisioning(input.botId);
    const app = await runner.run('create_app', retry, async () => {
      saga.add('create_app', () => durable.deleteBotApp(bot.appName));
      const created = await once.createBotApp({ botId: input.botId, appName: bot.appName });
      if (created.setupId) await appSetup.waitForAppSetup(created.setupId);
      return created;
    });
    await runner.run('set_config', retry, () =>
      once.configureBotApp({ botId: input.botId, tenantId: input.tenantId, appName: app.appName }),
    );
    await runner.run('scale_formation', retry, () => once.scaleBotApp(app.appName));
    const number = await runner.run('buy_number', retry, async () => {
      saga.add('buy_number', () => durable.releaseBotNumber(bot.numberFriendlyName));
      return once.acquireBotNumber({ friendlyName: bot.numberFriendlyName, country: bot.country });
    });
    await runner.run('configure_webhooks', retry, () => once.configureNumberWebhooks(number.sid));
    await runner.run('health_check', timing.healthRetry, () => once.checkBotHealth(app.appName));
    await runner.run('mark_ready', retry, () =>
      once.markBotReady({
        botId: input.botId,
        appName: app.appName,
        numberSid: number.sid,
        phoneNumber: number.phoneNumber,
      }),
    );
    await runner.finish('done');
    return { appName: app.appName, phoneNumber: number.phoneNumber };
  } catch (error) {
    return failSaga(error, saga, runner, {
      failureType: 'ProvisioningFailed',
      markFailed: (reason) => durable.markBotFailed(input.botId, reason),
    });
  }
}

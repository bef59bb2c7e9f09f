import { setHandler } from '@temporalio/workflow';
import { ROTATE_STEPS } from '../contracts/provisioning-job';
import { provisioningActivities } from './saga/provisioning-activities';
import { provisioningProgressQuery } from './saga/progress-query';
import { withTiming, type ProvisioningTiming } from './saga/provisioning-timing';
import { Saga } from './saga/saga';
import { failSaga } from './saga/fail-saga';
import { StepRunner } from './saga/step-runner';

export interface RotateNumberInput {
  botId: string;
  tenantId: string;
  jobId: string;
  timing?: Partial<ProvisioningTiming>;
}

/**
 * Gives a ready bot a new phone number: buy, repoint, verify, switch, then release the old one. Until the
 * switch, a failure releases the new number and the bot keeps its old one.
 */
export async function rotateNumber(input: RotateNumberInput): Promise<{ phoneNumber: string }> {
  const timing = withTiming(input.timing);
  const { once, durable } = provisioningActivities(timing);
  const runner = new StepRunner(ROTATE_STEPS, (progress) => durable.recordJobProgress(input.jobId, progress));
  setHandler(provisioningProgressQuery, () => runner.progress);
  const saga = new Saga();
  const retry = timing.providerRetry;

  try {
    const bot = await durable.loadBotForRotation({ botId: input.botId, jobId: input.jobId });
    const number = await runner.run('buy_number', retry, async () => {
      saga.add('buy_number', () => durable.releaseBotNumber(bot.newNumberFriendlyName));
      return once.acquireBotNumber({ friendlyName: bot.newNumberFriendlyName, country: bot.country });
    });
    await runner.run('configure_webhooks', retry, () => once.configureNumberWebhooks(number.sid));
    await runner.run('verify_number', retry, () => once.verifyNumberWebhooks(number.sid));
    await runner.run('switch_number', retry, () =>
      once.switchBotNumber({ botId: input.botId, numberSid: number.sid, phoneNumber: number.phoneNumber }),
    );
    // Past the switch the new number is in use: undoing it would cut the bot off, so only retry forward.
    await runner.run('release_old_number', { ...retry, maxAttempts: 20 }, async () => {
      if (bot.oldNumberSid) await once.releaseNumberBySid(bot.oldNumberSid);
    });
    await runner.finish('done');
    return { phoneNumber: number.phoneNumber };
  } catch (error) {
    return failSaga(error, saga, runner, { failureType: 'NumberRotationFailed' });
  }
}

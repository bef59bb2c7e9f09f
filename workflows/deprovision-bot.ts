import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { DEPROVISION_STEPS } from '../contracts/provisioning-job';
import { provisioningActivities } from './saga/provisioning-activities';
import { provisioningProgressQuery } from './saga/progress-query';
import { withTiming, type ProvisioningTiming } from './saga/provisioning-timing';
import { StepFailedError, StepRunner } from './saga/step-runner';

export interface DeprovisionBotInput {
  botId: string;
  tenantId: string;
  jobId: string;
  timing?: Partial<ProvisioningTiming>;
}

/** Releases the bot's number, deletes its app and marks it deprovisioned. Every step is safe to repeat. */
export async function deprovisionBot(input: DeprovisionBotInput): Promise<void> {
  const timing = withTiming(input.timing);
  const { once, durable } = provisioningActivities(timing);
  const runner = new StepRunner(DEPROVISION_STEPS, (progress) => durable.recordJobProgress(input.jobId, progress));
  setHandler(provisioningProgressQuery, () => runner.progress);
  const retry = { ...timing.providerRetry, maxAttempts: 20 };

  try {
    const bot = await durable.loadBotForProvisioning(input.botId);
    await runner.run('release_number', retry, () => once.releaseBotNumbers(input.botId));
    await runner.run('delete_app', retry, () => once.deleteBotApp(bot.appName));
    await runner.run('mark_deprovisioned', retry, () => once.markBotDeprovisioned(input.botId));
    await runner.finish('done');
  } catch (error) {
    const reason = error instanceof StepFailedError ? error.message : String(error);
    await runner.finish('error', reason);
    throw ApplicationFailure.nonRetryable(reason, 'DeprovisioningFailed');
  }
}

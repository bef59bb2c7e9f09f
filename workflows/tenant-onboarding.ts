import {
  ApplicationFailure,
  condition,
  defineQuery,
  defineSignal,
  executeChild,
  patched,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import type { OnboardingActivities } from '../activities/onboarding';
import { provisioningWorkflowId } from '../domain/provisioning/provisioning-steps';
import type { OnboardingRunProgress } from '../domain/tenants/onboarding-steps';
import type { OnboardingStep } from '../contracts/onboarding-step';
import { BotIdAttribute, TenantIdAttribute } from '../temporal/search-attributes';
import { deprovisionBot } from './deprovision-bot';

export const emailVerifiedSignal = defineSignal('emailVerified');
export const onboardingProgressQuery = defineQuery<OnboardingRunProgress>('onboardingProgress');

export interface TenantOnboardingInput {
  tenantId: string;
  /** How long the tenant may stay unverified before it is removed. */
  verificationTimeoutMs: number;
}

export type TenantOnboardingOutcome = 'active' | 'expired';

/** Runs recorded before this patch removed the tenant in one activity; newer ones release its bots first. */
export const RELEASE_BOTS_PATCH = 'release-bots-before-removing-unverified-tenant';
/** A bot still provisioning is awaited (checked once a minute) for at most an hour before the removal gives up. */
const PROVISIONING_CHECKS = 60;

const activities = proxyActivities<OnboardingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Onboards a tenant: billing account, default plan, verification email, then waits for the `emailVerified`
 * signal. Verified in time → active; otherwise the pending tenant is removed, after everything it holds at
 * providers (bots' apps and numbers, the billing customer) has been released.
 */
export async function tenantOnboarding(input: TenantOnboardingInput): Promise<TenantOnboardingOutcome> {
  const { tenantId } = input;
  let verified = false;
  let verificationDeadline: string | null = null;
  const history: OnboardingRunProgress['history'] = [];
  let step: OnboardingStep = 'created';

  setHandler(emailVerifiedSignal, () => {
    verified = true;
  });
  setHandler(onboardingProgressQuery, () => ({ tenantId, step, verified, verificationDeadline, history }));

  async function enter(next: OnboardingStep): Promise<void> {
    step = next;
    history.push({ step: next, at: new Date().toISOString() });
    await activities.recordOnboardingStep(tenantId, next);
  }

  await enter('creating_billing_account');
  await activities.createBillingAccount(tenantId);
  await enter('starting_plan');
  await activities.startDefaultPlan(tenantId);
  await enter('sending_verification_email');
  await activities.sendVerificationEmail(tenantId, input.verificationTimeoutMs);

  await enter('awaiting_verification');
  verificationDeadline = new Date(Date.now() + input.verificationTimeoutMs).toISOString();
  const verifiedInTime = await condition(() => verified, input.verificationTimeoutMs);

  if (!verifiedInTime) {
    await enter('cleaning_up');
    if (patched(RELEASE_BOTS_PATCH)) await removeUnverifiedTenant(tenantId);
    else await activities.cleanupPendingTenant(tenantId);
    step = 'expired';
    history.push({ step, at: new Date().toISOString() });
    return 'expired';
  }
  await enter('activating');
  await activities.activateTenant(tenantId);
  step = 'active';
  history.push({ step, at: new Date().toISOString() });
  return 'active';
}

/**
 * The compensation for an onboarding that never completed: each bot is deprovisioned by its own child workflow
 * (number released, app deleted), then the billing customer is deleted, and only then the tenant row. If a bot
 * cannot be released the run fails and the tenant is kept, so nothing is left running without an owner.
 */
async function removeUnverifiedTenant(tenantId: string): Promise<void> {
  for (let check = 1; ; check += 1) {
    const release = await activities.prepareTenantBotRelease(tenantId);
    if (release.kind === 'nothing_to_remove') return;
    if (release.kind === 'release') {
      // Every child runs to its end (a parent closing early would terminate its siblings half-way).
      const results = await Promise.allSettled(release.bots.map((bot) => deprovisionChild(tenantId, bot)));
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      break;
    }
    if (check >= PROVISIONING_CHECKS) {
      throw ApplicationFailure.nonRetryable(
        `${release.provisioningBots} bot(s) of tenant ${tenantId} are still provisioning; the tenant was kept`,
        'TenantCleanupBlocked',
      );
    }
    await sleep('1 minute');
  }
  await activities.deleteBillingCustomer(tenantId);
  await activities.removePendingTenant(tenantId);
}

async function deprovisionChild(tenantId: string, bot: { botId: string; jobId: string }): Promise<void> {
  try {
    await executeChild(deprovisionBot, {
      workflowId: provisioningWorkflowId('deprovision', bot.botId, bot.jobId),
      args: [{ botId: bot.botId, tenantId, jobId: bot.jobId }],
      typedSearchAttributes: [
        { key: TenantIdAttribute, value: tenantId },
        { key: BotIdAttribute, value: bot.botId },
      ],
    });
  } catch (error) {
    throw ApplicationFailure.nonRetryable(
      `Bot ${bot.botId} could not be deprovisioned (${error instanceof Error ? error.message : String(error)}); ` +
        `tenant ${tenantId} was kept`,
      'TenantCleanupFailed',
    );
  }
}

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
import type { EmailVerifier } from '../domain/tenants/onboarding-port';
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
  /** The plan chosen at sign-up (absent for tenants platform staff create, and for runs from before the choice). */
  planCode?: string;
  /** Set when the address was verified before the run started (an OpenID Connect sign-up). */
  emailVerifiedBy?: EmailVerifier;
}

export type TenantOnboardingOutcome = 'active' | 'expired';

/** Runs recorded before this patch removed the tenant in one activity; newer ones release its bots first. */
export const RELEASE_BOTS_PATCH = 'release-bots-before-removing-unverified-tenant';
/** Runs recorded before this patch ended at activation; newer ones with a paid sign-up plan wait for its Checkout. */
export const SIGNUP_PAYMENT_PATCH = 'await-signup-plan-checkout';
/** Runs recorded before this patch always mailed a link; newer ones whose address is verified already do not. */
export const PREVERIFIED_EMAIL_PATCH = 'skip-verification-of-preverified-email';
/** A bot still provisioning is awaited (checked once a minute) for at most an hour before the removal gives up. */
const PROVISIONING_CHECKS = 60;
/**
 * After verification, a paid sign-up plan is checked for its payment (soon at first, then every five minutes) as
 * long as a Checkout session lives (a day); after that the tenant goes on with the free plan and upgrades later.
 */
const PAYMENT_WINDOW_MS = 24 * 60 * 60_000;
const FIRST_PAYMENT_CHECK_MS = 2_000;
const PAYMENT_CHECK_MAX_MS = 5 * 60_000;

const activities = proxyActivities<OnboardingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Onboards a tenant: billing account, default plan, verification email, then waits for the `emailVerified`
 * signal (neither when an identity provider has verified the address already). Verified in time → active (a paid
 * plan chosen at sign-up is awaited first: its Checkout, for a day at most); otherwise the pending tenant is
 * removed, after everything it holds at providers (bots' apps and numbers, the billing customer) has been released.
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
  // The plan and the customer's stages are the API's to add: it reads the payment from the database at once.
  setHandler(onboardingProgressQuery, () => ({ tenantId, step, verified, verificationDeadline, history }));

  async function enter(next: OnboardingStep): Promise<void> {
    step = next;
    history.push({ step: next, at: new Date().toISOString() });
    await activities.recordOnboardingStep(tenantId, next);
  }

  await enter('creating_billing_account');
  await activities.createBillingAccount(tenantId);
  await enter('starting_plan');
  const defaultPlan = await activities.startDefaultPlan(tenantId);
  // The tenant starts on the free default plan whatever it chose; a paid choice is bought after verification.
  const paymentRequired = input.planCode != null && input.planCode !== defaultPlan;
  // The patch is asked only for a verified address, so runs of every other sign-up keep their history unchanged.
  if (input.emailVerifiedBy !== undefined && patched(PREVERIFIED_EMAIL_PATCH)) {
    // The identity provider vouched for the address: no link to mail, nothing to wait for.
    verified = true;
  } else {
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
  }
  await enter('activating');
  await activities.activateTenant(tenantId);
  if (paymentRequired && patched(SIGNUP_PAYMENT_PATCH)) {
    await enter('awaiting_payment');
    await awaitSignupPayment(tenantId);
    // Activation mirrored `active` already; the payment step replaced it, so it is mirrored once more.
    await activities.recordOnboardingStep(tenantId, 'active');
  }
  step = 'active';
  history.push({ step, at: new Date().toISOString() });
  return 'active';
}

/**
 * Checks back, sooner at first and then every few minutes, until Checkout for the chosen plan has been paid (the
 * `checkout.session.completed` handling switches the plan), the tenant is gone, or the window closes.
 */
async function awaitSignupPayment(tenantId: string): Promise<void> {
  let pause = FIRST_PAYMENT_CHECK_MS;
  for (let waited = 0; ; waited += pause, pause = Math.min(pause * 2, PAYMENT_CHECK_MAX_MS)) {
    if ((await activities.checkSignupPayment(tenantId)) !== 'waiting' || waited >= PAYMENT_WINDOW_MS) return;
    await sleep(pause);
  }
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

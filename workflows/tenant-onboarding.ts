import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { OnboardingActivities } from '../activities/onboarding';
import type { OnboardingProgress, OnboardingStep } from '../domain/tenants/onboarding-steps';

export const emailVerifiedSignal = defineSignal('emailVerified');
export const onboardingProgressQuery = defineQuery<OnboardingProgress>('onboardingProgress');

export interface TenantOnboardingInput {
  tenantId: string;
  /** How long the tenant may stay unverified before it is removed. */
  verificationTimeoutMs: number;
}

export type TenantOnboardingOutcome = 'active' | 'expired';

const activities = proxyActivities<OnboardingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Onboards a tenant: billing account, default plan, verification email, then waits for the `emailVerified`
 * signal. Verified in time → active; otherwise the pending tenant is removed.
 */
export async function tenantOnboarding(input: TenantOnboardingInput): Promise<TenantOnboardingOutcome> {
  const { tenantId } = input;
  let verified = false;
  let verificationDeadline: string | null = null;
  const history: OnboardingProgress['history'] = [];
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
    await activities.cleanupPendingTenant(tenantId);
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

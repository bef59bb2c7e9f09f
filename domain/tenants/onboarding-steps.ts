import type { OnboardingStep } from '../../contracts/onboarding-step';

// The steps themselves are vocabulary the API's contract and the web app share.
export type { OnboardingStep };

export interface OnboardingProgress {
  tenantId: string;
  step: OnboardingStep;
  verified: boolean;
  /** When the pending tenant is removed if the email is not verified (ISO time), once the wait has begun. */
  verificationDeadline: string | null;
  history: { step: OnboardingStep; at: string }[];
}

export const onboardingWorkflowId = (tenantId: string): string => `tenant-onboarding-${tenantId}`;

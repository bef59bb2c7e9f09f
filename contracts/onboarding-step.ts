/** The stages of tenant onboarding, in order; mirrored into `tenants.onboarding_step` for lists. */
export const ONBOARDING_STEPS = [
  'created',
  'creating_billing_account',
  'starting_plan',
  'sending_verification_email',
  'awaiting_verification',
  'activating',
  'active',
] as const;
export const ONBOARDING_FAILURE_STEPS = ['cleaning_up', 'expired'] as const;

export type OnboardingStep = (typeof ONBOARDING_STEPS)[number] | (typeof ONBOARDING_FAILURE_STEPS)[number];

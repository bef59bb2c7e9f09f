/** The stages of tenant onboarding, in order; mirrored into `tenants.onboarding_step` for lists. */
export const ONBOARDING_STEPS = [
  'created',
  'creating_billing_account',
  'starting_plan',
  'sending_verification_email',
  'awaiting_verification',
  'activating',
  /** A paid plan chosen at sign-up: the tenant is active on the free plan until Checkout has been paid. */
  'awaiting_payment',
  'active',
] as const;
export const ONBOARDING_FAILURE_STEPS = ['cleaning_up', 'expired'] as const;

export type OnboardingStep = (typeof ONBOARDING_STEPS)[number] | (typeof ONBOARDING_FAILURE_STEPS)[number];

/** What a new customer sees of onboarding: confirm the email, choose (and pay for) the plan, ready. */
export const SIGNUP_STAGES = ['verify_email', 'choose_plan', 'ready'] as const;
export type SignupStage = (typeof SIGNUP_STAGES)[number];

export const SIGNUP_STAGE_STATES = ['done', 'current', 'pending', 'failed'] as const;
export type SignupStageState = (typeof SIGNUP_STAGE_STATES)[number];

import type { OnboardingStep, SignupStageState } from '../../contracts/onboarding-step';
import type { SignupStageView } from '../../contracts/tenants';

/** What decides the customer's stages: the run's step, the verification, and the plan chosen at sign-up. */
export interface SignupFacts {
  step: OnboardingStep;
  verified: boolean;
  /** A paid plan was chosen: it is paid through Checkout after verification. */
  paymentRequired: boolean;
  /** The chosen paid plan is in force (Checkout completed). */
  paid: boolean;
}

/**
 * Onboarding as the new customer sees it: verify email → choose/pay → ready, from the run's step and the sign-up
 * standing in the database (get-onboarding-progress.ts). A free plan is chosen with the sign-up itself; a paid one
 * is done once Checkout was paid.
 */
export function signupStages({ step, verified, paymentRequired, paid }: SignupFacts): SignupStageView[] {
  if (step === 'cleaning_up' || step === 'expired') return stages('failed', 'pending', 'pending');
  if (!verified) return stages('current', 'pending', 'pending');
  // A finished run: paid, or the wait for Checkout is over and the tenant goes on with the free plan.
  if (step === 'active') return stages('done', 'done', 'done');
  return !paymentRequired || paid ? stages('done', 'done', 'current') : stages('done', 'current', 'pending');
}

const stages = (
  verifyEmail: SignupStageState,
  choosePlan: SignupStageState,
  ready: SignupStageState,
): SignupStageView[] => [
  { stage: 'verify_email', state: verifyEmail },
  { stage: 'choose_plan', state: choosePlan },
  { stage: 'ready', state: ready },
];

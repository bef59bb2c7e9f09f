import { createOnboardingActivities, type OnboardingActivityDeps } from './onboarding';

export type ActivityDeps = OnboardingActivityDeps;

/** Every activity the worker registers, built from its dependencies. */
export function createActivities(deps: ActivityDeps) {
  return { ...createOnboardingActivities(deps) };
}

import { createDunningActivities, type DunningActivityDeps } from './dunning';
import { createInvoicingActivities, type InvoicingActivityDeps } from './invoicing';
import { createMeteringActivities, type MeteringActivityDeps } from './metering';
import { createOnboardingActivities, type OnboardingActivityDeps } from './onboarding';
import { createProvisioningActivities, type ProvisioningActivityDeps } from './provisioning';
import { createStripePlanActivities, type StripePlanActivityDeps } from './stripe-plans';

export type ActivityDeps = OnboardingActivityDeps &
  ProvisioningActivityDeps &
  MeteringActivityDeps &
  InvoicingActivityDeps &
  DunningActivityDeps &
  StripePlanActivityDeps;

/** Every activity the worker registers, built from its dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createOnboardingActivities(deps),
    ...createProvisioningActivities(deps),
    ...createMeteringActivities(deps),
    ...createInvoicingActivities(deps),
    ...createDunningActivities(deps),
    ...createStripePlanActivities(deps),
  };
}

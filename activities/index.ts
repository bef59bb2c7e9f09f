import { createConversationSyncActivities, type ConversationSyncActivityDeps } from './conversation-sync';
import { createConversationActivities, type ConversationActivityDeps } from './conversations';
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
  StripePlanActivityDeps &
  ConversationActivityDeps &
  ConversationSyncActivityDeps;

/** Ports over the worker's own Temporal connection: temporal/worker.ts adds them to what the process gives. */
export type WorkerPorts = Pick<ConversationSyncActivityDeps, 'conversations' | 'syncSchedules'>;
/** What a process (worker-main, a test harness, a bench) gives the worker. */
export type ProcessActivityDeps = Omit<ActivityDeps, keyof WorkerPorts>;

/** Every activity the worker registers, built from its dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createOnboardingActivities(deps),
    ...createProvisioningActivities(deps),
    ...createMeteringActivities(deps),
    ...createInvoicingActivities(deps),
    ...createDunningActivities(deps),
    ...createStripePlanActivities(deps),
    ...createConversationActivities(deps),
    ...createConversationSyncActivities(deps),
  };
}

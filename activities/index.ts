import { createConversationSyncActivities, type ConversationSyncActivityDeps } from './conversation-sync';
import { createConversationActivities, type ConversationActivityDeps } from './conversations';
import { createDunningActivities, type DunningActivityDeps } from './dunning';
import { createInvoicingActivities, type InvoicingActivityDeps } from './invoicing';
import { createMeteringActivities, type MeteringActivityDeps } from './metering';
import { createOffboardingActivities, type OffboardingActivityDeps } from './offboarding';
import { createOnboardingActivities, type OnboardingActivityDeps } from './onboarding';
import { createPromptConfigActivities, type PromptConfigActivityDeps } from './prompt-config';
import { createProvisioningActivities, type ProvisioningActivityDeps } from './provisioning';
import { createStripePlanActivities, type StripePlanActivityDeps } from './stripe-plans';
import { createTenantExportActivities, type TenantExportActivityDeps } from './tenant-export';

export type ActivityDeps = OnboardingActivityDeps &
  OffboardingActivityDeps &
  ProvisioningActivityDeps &
  PromptConfigActivityDeps &
  MeteringActivityDeps &
  InvoicingActivityDeps &
  DunningActivityDeps &
  StripePlanActivityDeps &
  ConversationActivityDeps &
  ConversationSyncActivityDeps &
  TenantExportActivityDeps;

/** Ports over the worker's own Temporal connection: temporal/worker.ts adds them to what the process gives. */
export type WorkerPorts = Pick<ConversationSyncActivityDeps, 'conversations' | 'syncSchedules'> &
  Pick<OffboardingActivityDeps, 'tenantWorkflows'>;
/** What a process (worker-main, a test harness, a bench) gives the worker. */
export type ProcessActivityDeps = Omit<ActivityDeps, keyof WorkerPorts>;

/** Every activity the worker registers, built from its dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createOnboardingActivities(deps),
    ...createOffboardingActivities(deps),
    ...createProvisioningActivities(deps),
    ...createPromptConfigActivities(deps),
    ...createMeteringActivities(deps),
    ...createInvoicingActivities(deps),
    ...createDunningActivities(deps),
    ...createStripePlanActivities(deps),
    ...createConversationActivities(deps),
    ...createConversationSyncActivities(deps),
    ...createTenantExportActivities(deps),
  };
}

import type { JobKind } from '../../contracts/provisioning-job';
import type { JobProgress } from './step-progress';

/** The bot already has an open run of this kind (e.g. a retry while the previous run is still closing). */
export class RunInProgressError extends Error {}

/** How use cases drive the provisioning workflows without knowing about Temporal. */
export interface ProvisioningWorkflows {
  start(
    kind: JobKind,
    run: { botId: string; tenantId: string; jobId: string },
  ): Promise<{ workflowId: string; runId: string }>;
  /** Requests cancellation; false when no run of that id is open. */
  cancel(workflowId: string): Promise<boolean>;
  /** Live progress from a running workflow, or null once it has closed. */
  progress(workflowId: string): Promise<JobProgress | null>;
  link(workflowId: string): string;
}

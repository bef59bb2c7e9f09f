import type { StepProgress } from '../../contracts/jobs';
import type { OffboardingRunView } from '../../contracts/offboarding';
import type { OffboardingRun } from '../../db/entities';

/** The run as the admin portal reads it: ids, steps and timestamps, nothing personal. */
export const toOffboardingRunView = (run: OffboardingRun, workflowUrl: string | null): OffboardingRunView => ({
  id: run.id,
  tenantId: run.tenantId,
  status: run.status,
  steps: run.steps as StepProgress[],
  error: run.error ?? null,
  workflowId: run.workflowId,
  workflowUrl,
  exportId: run.exportId ?? null,
  requestedBy: run.requestedBy ?? null,
  createdAt: run.createdAt.toISOString(),
  finishedAt: run.finishedAt?.toISOString() ?? null,
});

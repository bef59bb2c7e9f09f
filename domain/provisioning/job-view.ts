import type { ProvisioningJob } from '../../db/entities/provisioning-job';
import type { Actor } from '../auth/actor';
import { isPlatformRole } from '../../contracts/roles';
import type { JobView, StepProgress } from '../../contracts/jobs';

/** Temporal's Web UI is an operators' tool on an internal address; customers never get a link to it. */
export const operatorLink =
  (actor: Actor, link: (workflowId: string) => string) =>
  (workflowId: string): string | null =>
    isPlatformRole(actor.role) ? link(workflowId) : null;

export const toJobView = (job: ProvisioningJob, link: (workflowId: string) => string | null): JobView => ({
  id: job.id,
  tenantId: job.tenantId,
  botId: job.botId,
  kind: job.kind,
  status: job.status,
  steps: job.steps as StepProgress[],
  error: job.error ?? null,
  workflowId: job.workflowId,
  workflowUrl: link(job.workflowId),
  createdAt: job.createdAt.toISOString(),
  startedAt: job.startedAt?.toISOString() ?? null,
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

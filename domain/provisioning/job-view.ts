import type { ProvisioningJob } from '../../db/entities/provisioning-job';
import type { StepProgress } from './step-progress';

export interface JobView {
  id: string;
  tenantId: string;
  botId: string;
  kind: ProvisioningJob['kind'];
  status: ProvisioningJob['status'];
  steps: StepProgress[];
  error: string | null;
  workflowId: string;
  workflowUrl: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const toJobView = (job: ProvisioningJob, link: (workflowId: string) => string): JobView => ({
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

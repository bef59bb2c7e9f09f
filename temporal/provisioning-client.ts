import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { RunInProgressError, type ProvisioningWorkflows } from '../domain/provisioning/provisioning-port';
import { provisioningWorkflowId } from '../domain/provisioning/provisioning-steps';
import type { JobProgress } from '../domain/provisioning/step-progress';
import { deprovisionBot } from '../workflows/deprovision-bot';
import { provisionBot } from '../workflows/provision-bot';
import { provisioningProgressQuery } from '../workflows/saga/progress-query';
import { rotateNumber } from '../workflows/rotate-number';
import type { ProvisioningTiming } from '../workflows/saga/provisioning-timing';
import { workflowUiLink, type TemporalTarget } from './client';
import { BotIdAttribute, TenantIdAttribute } from './search-attributes';

const CLOSE_GRACE_MS = 5_000;

async function waitForClose(client: Client, workflowId: string, timeoutMs: number): Promise<void> {
  const closed = client.workflow
    .getHandle(workflowId)
    .result()
    .catch(() => undefined);
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}

const WORKFLOWS = { provision: provisionBot, rotate_number: rotateNumber, deprovision: deprovisionBot } as const;

/** The provisioning port backed by Temporal; every run carries TenantId and BotId for the Web UI's search. */
export function createProvisioningClient(
  client: Client,
  target: TemporalTarget,
  timing?: Partial<ProvisioningTiming>,
): ProvisioningWorkflows {
  return {
    async start(kind, run) {
      const workflowId = provisioningWorkflowId(kind, run.botId, run.jobId);
      const start = () =>
        client.workflow.start(WORKFLOWS[kind], {
          workflowId,
          taskQueue: target.taskQueue,
          args: [{ ...run, timing }],
          typedSearchAttributes: [
            { key: TenantIdAttribute, value: run.tenantId },
            { key: BotIdAttribute, value: run.botId },
          ],
        });
      try {
        return { workflowId, runId: (await start()).firstExecutionRunId };
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        // A failed run records its job as failed moments before it closes; a retry in that gap waits for it.
        await waitForClose(client, workflowId, CLOSE_GRACE_MS);
        try {
          return { workflowId, runId: (await start()).firstExecutionRunId };
        } catch (again) {
          throw again instanceof WorkflowExecutionAlreadyStartedError ? new RunInProgressError(workflowId) : again;
        }
      }
    },

    async cancel(workflowId) {
      const handle = client.workflow.getHandle(workflowId);
      try {
        const { status } = await handle.describe();
        if (status.name !== 'RUNNING') return false;
        await handle.cancel();
        return true;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return false;
        throw error;
      }
    },

    async progress(workflowId): Promise<JobProgress | null> {
      const handle = client.workflow.getHandle(workflowId);
      try {
        const { status } = await handle.describe();
        return status.name === 'RUNNING' ? await handle.query(provisioningProgressQuery) : null;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },

    link: (workflowId) => workflowUiLink(target, workflowId),
  };
}

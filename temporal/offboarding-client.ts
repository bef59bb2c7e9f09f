import { ScheduleNotFoundError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { syncScheduleId } from '../domain/conversations/sync-port';
import { AppError } from '../domain/errors/app-error';
import { offboardingWorkflowId, type OffboardingWorkflows } from '../domain/offboarding/offboarding-port';
import type { TenantWorkflowStops } from '../domain/offboarding/tenant-workflows-port';
import { offboardTenant, type OffboardingTiming } from '../workflows/offboard-tenant';
import { workflowUiLink, type TemporalTarget } from './client';
import { TenantIdAttribute } from './search-attributes';

/**
 * The offboarding port backed by Temporal: one `offboardTenant` run per tenant, searchable by `TenantId`. A failed
 * run may be started again under the same id (resumed); a run under way is joined. A start that fails is a 503 and,
 * since the caller starts inside its transaction, changes nothing.
 */
export function createOffboardingClient(
  client: Client,
  target: TemporalTarget,
  timing?: Partial<OffboardingTiming>,
): OffboardingWorkflows {
  return {
    async start({ tenantId, runId }) {
      const workflowId = offboardingWorkflowId(tenantId);
      await client.workflow
        .start(offboardTenant, {
          workflowId,
          taskQueue: target.taskQueue,
          args: [{ tenantId, runId, timing }],
          workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
          workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
          typedSearchAttributes: [{ key: TenantIdAttribute, value: tenantId }],
        })
        .catch((error: unknown) => {
          throw new AppError('unavailable', 'The offboarding could not be started; nothing was changed', {
            cause: error,
          });
        });
      return { workflowId };
    },
    link: (workflowId) => workflowUiLink(target, workflowId),
  };
}

const SYNC_WORKFLOWS = ['syncConversations', 'conversation'];

/** Ends what keeps a tenant's ElevenLabs sync going: its schedule, then its sync and conversation runs. */
export function createTenantWorkflowStops(client: Client): TenantWorkflowStops {
  return {
    async stopConversationSync(tenantId) {
      let scheduleRemoved = true;
      try {
        await client.schedule.getHandle(syncScheduleId(tenantId)).delete();
      } catch (error) {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
        scheduleRemoved = false;
      }
      const types = SYNC_WORKFLOWS.map((type) => `'${type}'`).join(', ');
      const query = `TenantId = '${tenantId}' AND ExecutionStatus = 'Running' AND WorkflowType IN (${types})`;
      let runsEnded = 0;
      for await (const run of client.workflow.list({ query })) {
        try {
          await client.workflow
            .getHandle(run.workflowId, run.runId)
            .terminate('The tenant is being offboarded: its data is deleted');
          runsEnded += 1;
        } catch (error) {
          // Ended on its own meanwhile.
          if (!(error instanceof WorkflowNotFoundError)) throw error;
        }
      }
      return { scheduleRemoved, runsEnded };
    },
  };
}

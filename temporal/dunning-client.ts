import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { DunningSchedule } from '../domain/billing/dunning-plan';
import { dunningWorkflowId, type DunningWorkflows } from '../domain/billing/dunning-port';
import { dunning, dunningProgressQuery, paymentFailedSignal, paymentReceivedSignal } from '../workflows/dunning';
import { queryWhileRunning, workflowUiLink, type TemporalTarget } from './client';
import { startMailDelivery } from './mail-delivery';
import { TenantIdAttribute } from './search-attributes';

/**
 * The dunning port backed by Temporal. `signalWithStart` on `dunning-<tenantId>` makes the first failed payment
 * start the run and every later one (or a redelivery) signal it; a new past-due episode after a run ended
 * starts a new run under the same id. Runs carry the schedule they started with.
 */
export function createDunningClient(
  client: Client,
  target: TemporalTarget,
  schedule: DunningSchedule,
): DunningWorkflows {
  return {
    async paymentFailed({ tenantId, stripeEventId }) {
      const workflowId = dunningWorkflowId(tenantId);
      await client.workflow.signalWithStart(dunning, {
        workflowId,
        taskQueue: target.taskQueue,
        args: [{ tenantId, schedule }],
        signal: paymentFailedSignal,
        signalArgs: [{ stripeEventId }],
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
        typedSearchAttributes: [{ key: TenantIdAttribute, value: tenantId }],
      });
      return { workflowId };
    },

    async paymentReceived({ tenantId, stripeEventId }) {
      try {
        await client.workflow.getHandle(dunningWorkflowId(tenantId)).signal(paymentReceivedSignal, { stripeEventId });
        return true;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return false;
        throw error;
      }
    },

    async deliverMail({ tenantId, outboxIds }) {
      for (const outboxId of outboxIds) await startMailDelivery(client, target, { outboxId, tenantId });
    },

    progress: (tenantId) =>
      queryWhileRunning(client.workflow.getHandle(dunningWorkflowId(tenantId)), dunningProgressQuery),

    link: (tenantId) => workflowUiLink(target, dunningWorkflowId(tenantId)),
  };
}

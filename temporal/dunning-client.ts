import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { DunningSchedule } from '../domain/billing/dunning-plan';
import { dunningWorkflowId, type DunningWorkflows } from '../domain/billing/dunning-port';
import { deliverEmail } from '../workflows/deliver-email';
import { dunning, dunningProgressQuery, paymentFailedSignal, paymentReceivedSignal } from '../workflows/dunning';
import { workflowUiLink, type TemporalTarget } from './client';
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
      for (const outboxId of outboxIds) {
        try {
          await client.workflow.start(deliverEmail, {
            workflowId: `deliver-email-${outboxId}`,
            taskQueue: target.taskQueue,
            args: [{ outboxId }],
            typedSearchAttributes: [{ key: TenantIdAttribute, value: tenantId }],
          });
        } catch (error) {
          // Handed over before: the delivery's own status check makes a second one send nothing.
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
      }
    },

    async progress(tenantId) {
      const handle = client.workflow.getHandle(dunningWorkflowId(tenantId));
      try {
        const description = await handle.describe();
        if (description.status.name !== 'RUNNING') return null;
        return await handle.query(dunningProgressQuery);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },

    link: (tenantId) => workflowUiLink(target, dunningWorkflowId(tenantId)),
  };
}
